using Shouldly;
using Xunit;

namespace HyperCrm.ArchitectureTests;

/// <summary>.editorconfig's max_line_length, which no Roslyn rule enforces: every C# line fits in 140 characters.</summary>
public sealed class LineLengthTests
{
    public const int MaxLineLength = 140;

    [Fact]
    public void Every_CSharp_Line_Should_Fit_In_140_Characters()
    {
        var tooLong = SourceTree.CSharpFiles(includeTestsAndBenchmarks: true)
            .SelectMany(file => File.ReadLines(Path.Combine(SourceTree.Root, file))
                .Select((line, index) => (file, number: index + 1, line.Length))
                .Where(l => l.Length > MaxLineLength))
            .Select(l => $"{l.file}:{l.number} ({l.Length})")
            .ToList();

        tooLong.ShouldBeEmpty();
    }
}
