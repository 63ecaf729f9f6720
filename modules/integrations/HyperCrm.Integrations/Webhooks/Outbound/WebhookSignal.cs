namespace HyperCrm.Integrations.Webhooks;

/// <summary>Wakes the dispatcher when deliveries were queued.</summary>
public sealed class WebhookSignal : HyperCrm.Framework.Threading.WakeSignal;
