using HyperCrm.Framework.Events;

namespace HyperCrm.Intelligence;

/// <summary>
/// Triage read a customer's message: its intent (<c>order_status</c>, <c>complaint</c>, <c>return</c>, <c>question</c>,
/// <c>other</c>), sentiment (<c>negative</c>, <c>neutral</c>, <c>positive</c>), language and the model's confidence; low
/// confidence means a person should read it. A rule trigger.
/// </summary>
[EventName("intelligence.message.classified")]
public sealed record MessageClassifiedEto(Guid MessageId, Guid? CustomerId, Guid? OrderId, string Intent, double Confidence,
    string Sentiment, string Language, string Model, bool LowConfidence);
