namespace HyperCrm.Framework.Data;

public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Default";

    /// <summary>The schema that holds the single migration history (ABP keeps one history for all modules).</summary>
    public const string MigrationsHistorySchema = "platform";
    public const string MigrationsHistoryTable = "__ef_migrations_history";
}
