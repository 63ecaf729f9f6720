namespace HyperCrm.Activities.Messages;

/// <summary>What other modules (the API, the mailbox connector, triage) may ask of customers' messages.</summary>
public interface IMessageIntegrationService
{
    /// <summary>
    /// Stores a customer's message, matched to a customer by email, else phone (none: it waits in the inbox unmatched), puts
    /// it on the customer's timeline and announces it for triage. The same sender id twice returns the first message.
    /// </summary>
    Task<InboundMessageDto> ReceiveAsync(ReceiveMessageDto input, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<InboundMessageDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Attaches a drafted reply for a person to check and send (the latest draft wins).</summary>
    Task AttachDraftAsync(Guid id, string text, string source, CancellationToken cancellationToken = default);

    /// <summary>Records what triage read in the message (the latest reading wins).</summary>
    Task RecordTriageAsync(Guid id, string intent, double intentConfidence, string sentiment, string language, string model,
        CancellationToken cancellationToken = default);
}
