namespace HyperCrm.Automation.Catalog;

/// <summary>One action offered to rules, by its type (so the engine resolves only the action a step names).</summary>
public sealed record AutomationActionRegistration(Type ActionType);
