namespace HyperCrm.Automation.Catalog;

/// <summary>An action failure that retrying cannot fix (bad parameters, a missing record): the step fails at once.</summary>
public sealed class PermanentActionException(string message) : Exception(message);
