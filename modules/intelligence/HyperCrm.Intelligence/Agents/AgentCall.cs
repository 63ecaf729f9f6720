namespace HyperCrm.Intelligence.Agents;

/// <summary>
/// A tool call a model turn asked for: its number in the session (<see cref="No"/>, which makes its key), the model's own
/// id (answered with the call's result), the catalog action and the arguments as JSON.
/// </summary>
public sealed record AgentCall(int No, string CallId, string Tool, string Arguments);
