namespace HyperCrm.TestBase;

/// <summary>The repository's root folder (the one with HyperCrm.sln), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "HyperCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HyperCrm.sln not found above the test binaries.");
    }
}
