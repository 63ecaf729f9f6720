namespace HyperCrm.Integrations.Webhooks;

/// <summary>What became of a received webhook.</summary>
public enum InboundWebhookState
{
    Received,
    Processed,
    Rejected,
}
