namespace HyperCrm.Framework.Web;

public static class LocalUrl
{
    /// <summary>The URL when it stays on this site ("/…", not "//host" or "/\host"), else "/": no open redirects.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    /// <summary>True for a path on this site: "/…", but not "//host" or "/\host", which browsers read as another host.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\",
            StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
