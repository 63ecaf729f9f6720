namespace HyperCrm.Framework.Scheduling;

/// <summary>
/// Quartz.NET's job store tables for PostgreSQL, in schema "quartz". The DDL is the one the installed Quartz
/// package ships (so it always matches the job store's version); a migration applies it, so every instance
/// of a cluster finds the tables ready and no instance creates them at run time.
/// </summary>
public static class QuartzSchema
{
    public const string Schema = "quartz";
    public const string TablePrefix = Schema + ".qrtz_";
    private const string BarePrefix = "qrtz_";
    private const string ResourceName = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
    private const string StatementSeparator = "--;;";

    /// <summary>The statements that create the schema and its tables; each is idempotent. The script separates them by lines reading
    /// '--;;'.</summary>
    public static IReadOnlyList<string> CreateStatements()
    {
        using var stream = typeof(Quartz.IJob).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The Quartz package no longer embeds {ResourceName}; update {nameof(QuartzSchema)}.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", BarePrefix,
            StringComparison.Ordinal);
        var statements = new List<string>();
        var current = new List<string>();
        foreach (var line in script.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.Trim() == StatementSeparator)
            {
                Flush();
                continue;
            }
            if (!line.TrimStart().StartsWith("--", StringComparison.Ordinal)) current.Add(line);
        }
        Flush();
        statements.Insert(0, $"CREATE SCHEMA IF NOT EXISTS {Schema}");
        return statements;

        void Flush()
        {
            var statement = string.Join('\n', current).Trim();
            if (statement.Length > 0) statements.Add(statement);
            current.Clear();
        }
    }

    public const string DropScript = "DROP SCHEMA IF EXISTS quartz CASCADE;";
}
