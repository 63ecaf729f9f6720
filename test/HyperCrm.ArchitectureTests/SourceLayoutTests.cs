using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace HyperCrm.ArchitectureTests;

/// <summary>A newcomer finds a type from its file name: one top-level type per file, named for it.</summary>
public sealed partial class SourceLayoutTests
{
    [Fact]
    public void Every_Product_File_Should_Hold_One_Top_Level_Type_Named_Like_The_File()
    {
        var violations = new List<string>();
        foreach (var file in SourceTree.ProductCSharpFiles())
        {
            if (file.EndsWith("/Program.cs", StringComparison.Ordinal)) continue;
            var types = TopLevelTypes(File.ReadAllText(Path.Combine(SourceTree.Root, file)));
            var name = Path.GetFileName(file);
            var expected = name.EndsWith(".cshtml.cs", StringComparison.Ordinal) ? null : Path.GetFileNameWithoutExtension(name);
            if (types.Count > 1 || (expected is not null
                && !types.Contains(expected))) violations.Add($"{file}: {string.Join(", ", types)}");
        }

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void Canary_A_File_With_Two_Types_Must_Be_Caught() =>
        TopLevelTypes("namespace X;\n\n/// <summary>a</summary>\npublic sealed record A(int N);\n\ninternal sealed class B\n{\n    " +
            "private sealed class Nested;\n}\n")
            .ShouldBe(["A", "B"]);

    private static List<string> TopLevelTypes(string source) => Declaration().Matches(source).Select(m => m.Groups["name"].Value).ToList();

    [GeneratedRegex(@"^(?:(?:public|internal|file|static|sealed|abstract|partial|readonly)\s+)*" +
        @"(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
