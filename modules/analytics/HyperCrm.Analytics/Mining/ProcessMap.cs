namespace HyperCrm.Analytics.Mining;

/// <summary>The directly-follows graph of the filtered orders: its edges, how often each activity happened, how many cases.</summary>
public sealed record ProcessMap(IReadOnlyList<ProcessEdge> Edges, IReadOnlyDictionary<string, long> Activities, long Cases)
{
    /// <summary>The edges that carry the most traffic, up to <paramref name="share"/> of all (0–1), with the start and end edges
    /// of the activities kept: the slider of the map. An activity no kept edge reaches is left out.</summary>
    public ProcessMap Keep(double share)
    {
        if (share >= 1 || Edges.Count == 0) return this;
        var inner = Edges.Where(e => !e.IsStart && !e.IsEnd).OrderByDescending(e => e.Count).ToList();
        var keep = Math.Max(1, (int)Math.Ceiling(inner.Count * Math.Clamp(share, 0, 1)));
        var kept = inner.Take(keep).ToList();
        var activities = kept.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        kept.AddRange(Edges.Where(e => (e.IsStart && activities.Contains(e.To)) || (e.IsEnd && activities.Contains(e.From))));
        return new ProcessMap(kept, Activities.Where(a => activities.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value), Cases);
    }
}
