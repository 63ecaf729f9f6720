using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>One line of the diff between two rule versions, as the versions page shows it.</summary>
public sealed record DiffLine(DiffKind Kind, string Text)
{
    /// <summary>
    /// A line diff of two texts by DiffPlex (Myers' algorithm: memory grows with the size of the difference, not with
    /// the product of both sides). Whitespace counts, since indentation is the JSON's structure.
    /// </summary>
    public static IReadOnlyList<DiffLine> Compute(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        return model.Lines
            .Where(line => line.Type != ChangeType.Imaginary)
            .Select(line => new DiffLine(line.Type switch
            {
                ChangeType.Inserted => DiffKind.Added,
                ChangeType.Deleted => DiffKind.Removed,
                _ => DiffKind.Same,
            }, line.Text))
            .ToList();
    }
}
