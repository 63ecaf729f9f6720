using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Automation.Catalog;

/// <summary>
/// One entry of what happened inside a step (a model turn, a tool call): <paramref name="Key"/> is unique within the run
/// (the step's key and the entry's number), <paramref name="Kind"/> what it was (<c>agent_turn</c>, <c>agent_tool</c>),
/// <paramref name="Tool"/> the catalog action it called, if any, with its input and output as JSON.
/// </summary>
public sealed record ActionTraceEntry(string Key, string Kind, string? Tool, StepState State, string? Input, string? Output,
    Message Summary, string? Error, DateTimeOffset StartedAt, DateTimeOffset FinishedAt);
