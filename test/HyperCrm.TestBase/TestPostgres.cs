using System.Diagnostics;
using HyperCrm.Framework.Data;
using HyperCrm.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperCrm.TestBase;

/// <summary>
/// One PostgreSQL server per test run: HYPERCRM_TEST_PG when set (test.sh starts one and sets it), otherwise a
/// throwaway cluster this process starts as the postgres user and removes at exit. Every database a test gets is
/// a copy of a template migrated once per run, so a test class starts from a clean, fully migrated database in milliseconds.
/// </summary>
public static class TestPostgres
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;
    private static string? _templateName;

    public static async Task<string> CreateDatabaseAsync(bool migrated = true)
    {
        var server = await EnsureServerAsync();
        var template = migrated ? await EnsureTemplateAsync(server) : null;
        var name = "hc_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template}";
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(await EnsureServerAsync());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {name} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> EnsureServerAsync()
    {
        if (_serverConnectionString is not null) return _serverConnectionString;
        await Gate.WaitAsync();
        try
        {
            _serverConnectionString ??= Environment.GetEnvironmentVariable("HYPERCRM_TEST_PG") is { Length: > 0 } given
                ? new NpgsqlConnectionStringBuilder(given) { Database = "postgres", Pooling = true, MaxPoolSize = 50 }.ConnectionString
                : ThrowawayCluster.Start();
            return _serverConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> EnsureTemplateAsync(string server)
    {
        if (_templateName is not null) return _templateName;
        await Gate.WaitAsync();
        try
        {
            if (_templateName is not null) return _templateName;
            var name = "hc_tpl_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE {name}";
                await command.ExecuteNonQueryAsync();
            }
            var templateConnection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
            await using (var dataSource = NpgsqlDataSource.Create(templateConnection))
            {
                var options = new DbContextOptionsBuilder<HyperCrmMigrationsDbContext>().UseHyperNpgsql(dataSource).Options;
                await using var db = new HyperCrmMigrationsDbContext(options);
                await db.Database.MigrateAsync();
            }
            NpgsqlConnection.ClearAllPools();
            _templateName = name;
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>initdb + pg_ctl as the postgres user in a directory it owns, on a free loopback port; stopped at process exit.</summary>
    private static class ThrowawayCluster
    {
        public static string Start()
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => Version.TryParse(Path.GetFileName(d),
                out var v) ? v : new Version(0, 0)).Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d,
                    "pg_ctl")))
                      ?? throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql: run " +
                          "./etc/scripts/test.sh, which installs it, or set HYPERCRM_TEST_PG.");
            var dir = Path.Combine(Path.GetTempPath(), "hypercrm-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            var port = FreePort();
            var asRoot = Environment.UserName == "root";
            if (asRoot) Run("chown", $"postgres:postgres {dir}");
            RunAsPostgres(asRoot, Path.Combine(bin, "initdb"), $"-D {dir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
            RunAsPostgres(asRoot, Path.Combine(bin, "pg_ctl"),
                $"-D {dir} -l {dir}/server.log -w -o \"-c listen_addresses=127.0.0.1 -p {port} -k {dir} -c fsync=off -c " +
                    $"max_connections=300\" start");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    RunAsPostgres(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dir} -m immediate -w stop");
                    Directory.Delete(dir, recursive: true);
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    Console.Error.WriteLine($"Could not remove the test cluster {dir}: {ex.Message}");
                }
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
        }

        private static int FreePort()
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void RunAsPostgres(bool asRoot, string program, string arguments)
        {
            if (asRoot) Run("runuser", $"-u postgres -- {program} {arguments}");
            else Run(program, arguments);
        }

        private static void Run(string program, string arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true,
                RedirectStandardError = true })!;
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {arguments} failed: {stderr.Result}");
        }
    }
}
