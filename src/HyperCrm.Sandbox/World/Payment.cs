namespace HyperCrm.Sandbox;

/// <summary>
/// A card payment at the sandbox gateway: authorized (or declined, or pending when the gateway answers late), then
/// captured, voided or refunded, each once. <see cref="Notify"/> marks a result the CRM learns by webhook.
/// </summary>
public sealed class Payment(string id, string reference, decimal amount, string currency, DateTimeOffset createdAt)
{
    public string Id { get; } = id;
    public string Reference { get; } = reference;
    public decimal Amount { get; } = amount;
    public string Currency { get; } = currency;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary><c>pending</c>, <c>authorized</c>, <c>declined</c>, <c>captured</c>, <c>voided</c> or <c>refunded</c>.</summary>
    public string Status { get; set; } = "pending";
    public string? Reason { get; set; }

    /// <summary>When a late answer is given (pending payments).</summary>
    public DateTimeOffset? AnswerAt { get; set; }

    /// <summary>The result is told to the CRM by a signed webhook (a late answer, or the customer paid again).</summary>
    public bool Notify { get; set; }
    public int WebhookAttempts { get; set; }

    /// <summary>When a refused webhook is tried again (1, 2, 4 … 60 s after the last try).</summary>
    public DateTimeOffset? NextWebhookAt { get; set; }
}
