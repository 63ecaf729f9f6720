using HyperCrm.Automation.Web.Pages.Settings.Automation;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Automation;

public sealed class DiffLineTests
{
    [Fact]
    public void A_Changed_Line_Shows_As_Removed_Then_Added_Between_Unchanged_Lines()
    {
        var diff = DiffLine.Compute("{\n  \"a\": 1,\n  \"b\": 2\n}", "{\n  \"a\": 1,\n  \"b\": 3\n}");

        diff.ShouldBe(
        [
            new DiffLine(DiffKind.Same, "{"),
            new DiffLine(DiffKind.Same, "  \"a\": 1,"),
            new DiffLine(DiffKind.Removed, "  \"b\": 2"),
            new DiffLine(DiffKind.Added, "  \"b\": 3"),
            new DiffLine(DiffKind.Same, "}"),
        ]);
    }

    [Fact]
    public void Indentation_Counts_As_A_Change()
    {
        var diff = DiffLine.Compute("x\n  y", "x\n    y");

        diff.Count(d => d.Kind == DiffKind.Added).ShouldBe(1);
        diff.Count(d => d.Kind == DiffKind.Removed).ShouldBe(1);
    }

    [Fact]
    public void Large_Definitions_Diff_Without_A_Quadratic_Table()
    {
        var before = string.Join('\n', Enumerable.Range(0, 50_000).Select(i => $"line {i}"));
        var after = before.Replace("line 25000", "line twenty-five thousand", StringComparison.Ordinal);

        var diff = DiffLine.Compute(before, after);

        diff.Count(d => d.Kind != DiffKind.Same).ShouldBe(2);
        diff.Count.ShouldBe(50_001);
    }
}
