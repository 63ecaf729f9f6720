using HyperCrm.Framework.Domain;

namespace HyperCrm.Intelligence.Domain;

/// <summary>
/// What the triage model read in one customer's message, kept with the model that read it and its confidence, so a person
/// can see why a message was routed as it was. Announces <see cref="MessageClassifiedEto"/> for rules.
/// </summary>
public sealed class MessageTriage : AggregateRoot<Guid>
{
    public Guid MessageId { get; private set; }
    public string Intent { get; private set; } = string.Empty;
    public double IntentConfidence { get; private set; }
    public string Sentiment { get; private set; } = string.Empty;
    public double SentimentConfidence { get; private set; }
    public string Language { get; private set; } = string.Empty;
    public string Model { get; private set; } = string.Empty;
    public bool LowConfidence { get; private set; }
    public DateTimeOffset At { get; private set; }

    private MessageTriage() { }

    public MessageTriage(Guid id, Guid messageId, Guid? customerId, Guid? orderId, Triage.TriageResult result, string model,
        double confidenceThreshold, DateTimeOffset now)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(result);
        MessageId = messageId;
        (Intent, IntentConfidence, Sentiment, SentimentConfidence, Language) = (result.Intent, Math.Round(result.IntentConfidence, 3),
            result.Sentiment, Math.Round(result.SentimentConfidence, 3), result.Language);
        Model = model;
        LowConfidence = result.IntentConfidence < confidenceThreshold;
        At = now;
        AddDistributedEvent(new MessageClassifiedEto(messageId, customerId, orderId, Intent, IntentConfidence, Sentiment, Language, Model,
            LowConfidence));
    }
}
