using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Catalog;

/// <summary>
/// What came of a tool call: done (its summary, outputs and, for an approval, the wait), or refused before it ran with
/// the reason (<see cref="Refusal"/>: an argument the tool's schema does not allow, a tool the step did not grant), or failed
/// while running (<see cref="Error"/>).
/// </summary>
public sealed record ToolCallResult(Message? Summary, IReadOnlyDictionary<string, object?> Outputs, string? Refusal, string? Error,
    WaitRequest? Wait = null)
{
    public bool Succeeded => Refusal is null && Error is null;

    public static ToolCallResult Refused(string reason) => new(null, new Dictionary<string, object?>(), reason, null);

    public static ToolCallResult Failed(string error) => new(null, new Dictionary<string, object?>(), null, error);
}
