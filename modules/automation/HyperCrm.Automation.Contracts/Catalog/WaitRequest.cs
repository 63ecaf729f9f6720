namespace HyperCrm.Automation.Catalog;

/// <summary>Wait until the trigger <paramref name="TriggerKey"/> fires with <paramref name="CorrelationId"/> among its
/// correlations.</summary>
public sealed record WaitRequest(string TriggerKey, Guid CorrelationId, TimeSpan Timeout);
