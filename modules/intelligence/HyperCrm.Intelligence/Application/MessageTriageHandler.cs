using HyperCrm.Activities.Messages;
using HyperCrm.Framework.Events;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// Reads every customer's message as it arrives: the triage model's intent, sentiment and confidence are kept (with the
/// model's version) and announced as <c>intelligence.message.classified</c> for rules, and shown in the support inbox.
/// Guarded by the intelligence inbox; a message is read once.
/// </summary>
public sealed class MessageTriageHandler(IntelligenceDbContext db, TriageRegistry triage, IMessageIntegrationService messages,
    IOptions<IntelligenceOptions> options, TimeProvider clock) : IDistributedEventHandler<MessageReceivedEto>
{
    public async Task HandleEventAsync(MessageReceivedEto eventData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (await db.MessageTriages.AnyAsync(t => t.MessageId == eventData.MessageId, cancellationToken)) return;
        var result = await Task.Run(() => triage.Model.Classify(eventData.Text), cancellationToken);
        db.MessageTriages.Add(new MessageTriage(Guid.CreateVersion7(), eventData.MessageId, eventData.CustomerId, eventData.OrderId,
            result, TriageRegistry.Version, options.Value.TriageConfidence, clock.GetUtcNow()));
        await messages.RecordTriageAsync(eventData.MessageId, result.Intent, result.IntentConfidence, result.Sentiment, result.Language,
            TriageRegistry.Version, cancellationToken);
    }
}
