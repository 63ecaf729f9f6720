namespace HyperCrm.Integrations.Connectors;

public sealed record PickTaskRequest(string Reference, IReadOnlyList<PickLineRequest> Lines);
