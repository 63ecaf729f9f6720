using HyperCrm.TestBase;

namespace HyperCrm.ArchitectureTests;

/// <summary>The repository's source files, found from the test binaries.</summary>
public static class SourceTree
{
    /// <summary>The folders that hold the product's code (tests and benchmarks have their own habits).</summary>
    public static readonly string[] ProductFolders = ["src", "modules", "angular-free-razor-ui"];

    public static string Root => RepositoryRoot.Path;

    /// <summary>Every hand-written C# file of the product (no build output, no generated migrations), relative to the root.</summary>
    public static IEnumerable<string> ProductCSharpFiles() => CSharpFiles(includeTestsAndBenchmarks: false);

    /// <summary>The hand-written C# files of the product, and of the tests and benchmarks when asked.</summary>
    public static IEnumerable<string> CSharpFiles(bool includeTestsAndBenchmarks) =>
        (includeTestsAndBenchmarks ? [.. ProductFolders, "test", "bench"] : ProductFolders)
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal)
                           && !path.Contains("/Migrations/", StringComparison.Ordinal)
                           && !path.Contains("/.playwright/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
