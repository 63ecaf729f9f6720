namespace HyperCrm.Analytics.Mining;

/// <summary>A way orders left the expected path: an expected step <c>skipped</c>, <c>repeated</c>, taken <c>out_of_order</c>,
/// or a status outside the path (<c>extra</c>: held, cancelled, failed, returned), with how many orders did it.</summary>
public sealed record Deviation(string Kind, string Activity, long Cases);
