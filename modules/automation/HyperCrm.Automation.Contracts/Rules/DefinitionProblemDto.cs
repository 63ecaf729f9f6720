namespace HyperCrm.Automation.Rules;

/// <summary>A refused definition: each problem with the step and, for expressions, the position.</summary>
public sealed record DefinitionProblemDto(string Where, string Message, int? Position);
