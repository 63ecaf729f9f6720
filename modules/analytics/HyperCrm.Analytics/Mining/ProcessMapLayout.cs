namespace HyperCrm.Analytics.Mining;

/// <summary>
/// A layered layout of the map: the start on top, each activity on the layer of its longest path from the start (the edges
/// that close a loop, found by a depth-first walk along the busiest edges first, do not count), the end below the lowest,
/// and the activities of a layer side by side, the busiest in the middle.
/// </summary>
public sealed class ProcessMapLayout
{
    public const string Start = "\u0001start";
    public const string End = "\u0001end";

    public IReadOnlyDictionary<string, (int Layer, int Slot)> Positions { get; }
    public IReadOnlyDictionary<int, int> LayerWidths { get; }
    public IReadOnlySet<(string From, string To)> BackEdges { get; }
    public int Layers { get; }

    public ProcessMapLayout(ProcessMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var edges = map.Edges.Select(e => (From: e.IsStart ? Start : e.From, To: e.IsEnd ? End : e.To, e.Count)).ToList();
        var outgoing = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Count).Select(e =>
            e.To).ToList());
        var back = new HashSet<(string, string)>();
        var state = new Dictionary<string, int>();
        void Walk(string node)
        {
            state[node] = 1;
            foreach (var next in outgoing.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1) back.Add((node, next));
                else if (state.GetValueOrDefault(next) == 0) Walk(next);
            }
            state[node] = 2;
        }
        Walk(Start);
        foreach (var node in edges.Select(e => e.From).Distinct().Where(n => state.GetValueOrDefault(n) == 0)) Walk(node);
        var forward = edges.Where(e => !back.Contains((e.From, e.To)) && e.From != e.To).ToList();
        var layer = new Dictionary<string, int> { [Start] = 0 };
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Append(Start).Distinct().ToList();
        // Longest path by relaxation (the graph without back edges is acyclic; at most |nodes| rounds).
        for (var round = 0; round < nodes.Count; round++)
        {
            var changed = false;
            foreach (var e in forward)
            {
                var candidate = layer.GetValueOrDefault(e.From) + 1;
                if (e.To != End && candidate > layer.GetValueOrDefault(e.To, -1)) (layer[e.To], changed) = (candidate, true);
            }
            if (!changed) break;
        }
        foreach (var node in nodes.Where(n => n != End && !layer.ContainsKey(n))) layer[node] = 1;
        Layers = layer.Values.DefaultIfEmpty(0).Max() + 2;
        layer[End] = Layers - 1;
        var weight = edges.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
        var positions = new Dictionary<string, (int, int)>();
        var widths = new Dictionary<int, int>();
        foreach (var group in layer.GroupBy(p => p.Value))
        {
            // Busiest in the middle: alternate sides from the centre.
            var ordered = group.Select(p => p.Key).OrderByDescending(n => weight.GetValueOrDefault(n)).ThenBy(n => n,
                StringComparer.Ordinal)
                .ToList();
            var placed = new List<string>();
            for (var i = 0; i < ordered.Count; i++)
            {
                if (i % 2 == 0) placed.Add(ordered[i]);
                else placed.Insert(0, ordered[i]);
            }
            for (var i = 0; i < placed.Count; i++) positions[placed[i]] = (group.Key, i);
            widths[group.Key] = placed.Count;
        }
        Positions = positions;
        LayerWidths = widths;
        BackEdges = back;
    }
}
