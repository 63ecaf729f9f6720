using System.Globalization;
using System.Net;
using System.Text;

namespace HyperCrm.Analytics.Mining;

/// <summary>
/// Draws the process map as SVG on the server: activities as boxes on their layers (start and end as circles), edges as
/// curves whose width says how many orders took them and whose colour says how long they took (green quick, red slow),
/// labelled with the count and the median; each node and edge a link to its orders. Texts are escaped.
/// </summary>
public static class ProcessMapSvg
{
    private const int NodeWidth = 190;
    private const int NodeHeight = 44;
    private const int LayerGap = 110;
    private const int SlotGap = 230;
    private const int Margin = 40;

    public sealed record Links(Func<string, string> Activity, Func<ProcessEdge, string> Edge, Func<string, string> Label,
        Func<double, string> Duration, string StartText, string EndText);

    public static string Render(ProcessMap map, Links links)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(links);
        var layout = new ProcessMapLayout(map);
        var widest = layout.LayerWidths.Values.DefaultIfEmpty(1).Max();
        var width = Margin * 2 + Math.Max(1, widest) * SlotGap;
        var height = Margin * 2 + layout.Layers * LayerGap;
        (double X, double Y) Centre(string node)
        {
            var (layer, slot) = layout.Positions[node];
            var count = layout.LayerWidths[layer];
            var x = width / 2.0 + (slot - (count - 1) / 2.0) * SlotGap;
            return (x, Margin + NodeHeight / 2.0 + layer * LayerGap);
        }
        var inner = map.Edges.Where(e => !e.IsStart && !e.IsEnd).ToList();
        var maxCount = Math.Max(1, map.Edges.Max(e => (long?)e.Count) ?? 1);
        var medians = inner.Select(e => e.MedianSeconds).Where(m => m > 0).ToList();
        var (low, high) = medians.Count == 0 ? (0d, 1d) : (Math.Log10(medians.Min() + 1), Math.Log10(medians.Max() + 1));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" """)
            .Append(CultureInfo.InvariantCulture, $"""width="{width}" height="{height}" role="img" data-testid="process-map" """)
            .Append("""font-family="system-ui, sans-serif" font-size="12">""");
        svg.Append("""<defs><marker id="hc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" """)
            .Append("""markerWidth="11" markerHeight="11" """)
            .Append("""orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6c757d"/></marker></defs>""");
        foreach (var edge in map.Edges.OrderBy(e => e.Count))
        {
            var from = edge.IsStart ? ProcessMapLayout.Start : edge.From;
            var to = edge.IsEnd ? ProcessMapLayout.End : edge.To;
            if (!layout.Positions.ContainsKey(from) || !layout.Positions.ContainsKey(to)) continue;
            var (x1, y1) = Centre(from);
            var (x2, y2) = Centre(to);
            var strokeWidth = 1.5 + 8.0 * edge.Count / maxCount;
            var colour = edge.IsStart || edge.IsEnd ? "#adb5bd" : Colour(edge.MedianSeconds, low, high);
            string path;
            if (from == to)
            {
                var side = x1 + NodeWidth / 2.0;
                path = Fmt($"M{side},{y1 - 8} C{side + 60},{y1 - 40} {side + 60},{y1 + 40} {side},{y1 + 8}");
            }
            else if (layout.BackEdges.Contains((from, to)) || y2 <= y1)
            {
                var bend = Math.Max(x1, x2) + NodeWidth / 2.0 + 50;
                path = Fmt($"M{x1 + NodeWidth / 2.0},{y1} C{bend},{y1} {bend},{y2} {x2 + NodeWidth / 2.0},{y2}");
            }
            else
            {
                var (sy, ty) = (y1 + NodeHeight / 2.0, y2 - NodeHeight / 2.0);
                path = Fmt($"M{x1},{sy} C{x1},{(sy + ty) / 2} {x2},{(sy + ty) / 2} {x2},{ty}");
            }
            var label = edge.IsStart || edge.IsEnd ? Fmt($"{edge.Count}") : $"{edge.Count} · {links.Duration(edge.MedianSeconds)}";
            svg.Append(CultureInfo.InvariantCulture, $"""<a href="{Attr(links.Edge(edge))}" data-testid="map-edge" """)
                .Append(CultureInfo.InvariantCulture,
                    $"""data-from="{Attr(edge.From)}" data-to="{Attr(edge.To)}" data-count="{edge.Count}" """)
                .Append(Fmt($"data-median=\"{edge.MedianSeconds:0.###}\">"))
                .Append(CultureInfo.InvariantCulture,
                    $"""<title>{Text(links.Label(edge.From))} → {Text(links.Label(edge.To))}: {Text(label)}</title>""")
                .Append(CultureInfo.InvariantCulture,
                    $"""<path d="{path}" fill="none" stroke="{colour}" stroke-width="{Fmt($"{strokeWidth:0.#}")}" """)
                .Append("""stroke-opacity="0.85" marker-end="url(#hc-arrow)"/>""");
            var (lx, ly) = from == to ? (x1 + NodeWidth / 2.0 + 64, y1) : ((x1 + x2) / 2 + 6, (y1 + y2) / 2);
            svg.Append(Fmt($"""<text x="{lx:0.#}" y="{ly:0.#}" fill="#495057" font-size="11">"""))
                .Append(Text(label)).Append("</text></a>");
        }
        foreach (var (node, _) in layout.Positions)
        {
            var (x, y) = Centre(node);
            if (node is ProcessMapLayout.Start or ProcessMapLayout.End)
            {
                var isStart = node == ProcessMapLayout.Start;
                svg.Append(Fmt($"""<g data-testid="map-{(isStart ? "start" : "end")}"><circle cx="{x:0.#}" cy="{y:0.#}" r="14" """))
                    .Append(isStart ? """fill="#198754"/>""" : """fill="#212529"/>""")
                    .Append(Fmt($"""<text x="{x + 22:0.#}" y="{y + 4:0.#}" fill="#495057">"""))
                    .Append(Text(isStart ? links.StartText : links.EndText)).Append("</text></g>");
                continue;
            }
            var count = map.Activities.GetValueOrDefault(node);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<a href="{Attr(links.Activity(node))}" data-testid="map-node" data-activity="{Attr(node)}">""")
                .Append(CultureInfo.InvariantCulture, $"""<title>{Text(links.Label(node))}: {count}</title>""")
                .Append(Fmt($"""<rect x="{x - NodeWidth / 2.0:0.#}" y="{y - NodeHeight / 2.0:0.#}" """))
                .Append(Fmt($"""width="{NodeWidth}" height="{NodeHeight}" """))
                .Append("""rx="8" fill="#e7f1ff" stroke="#0d6efd"/>""")
                .Append(Fmt($"""<text x="{x:0.#}" y="{y - 3:0.#}" text-anchor="middle" fill="#052c65" font-weight="600">"""))
                .Append(Text(Shorten(links.Label(node)))).Append("</text>")
                .Append(Fmt($"""<text x="{x:0.#}" y="{y + 13:0.#}" text-anchor="middle" fill="#495057" font-size="11">"""))
                .Append(count).Append("</text></a>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Green for the quickest edges to red for the slowest, on a log scale of their median times.</summary>
    public static string Colour(double medianSeconds, double lowLog, double highLog)
    {
        var t = highLog <= lowLog ? 0 : Math.Clamp((Math.Log10(medianSeconds + 1) - lowLog) / (highLog - lowLog), 0, 1);
        var (r, g) = t < 0.5 ? ((int)(25 + 230 * t * 2), 135) : (220, (int)(135 - 100 * (t - 0.5) * 2));
        return $"#{r:x2}{g:x2}{40:x2}";
    }

    private static string Shorten(string text) => text.Length <= 26 ? text : text[..25] + "…";

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(text);
}
