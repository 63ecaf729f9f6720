using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>The app with its key ring encrypted by a Data Protection certificate, as run.sh runs it.</summary>
public sealed class CertifiedFixture : HyperCrmWebApplicationFactory
{
    public string Directory { get; } = BackupRestoreTests.TempDirectory("hypercrm-backup-src");

    public string CertificatePassword { get; } = "certificate-" + Guid.NewGuid().ToString("N");

    public string CertificatePath => Path.Combine(Directory, "dataprotection.pfx");

    public CertifiedFixture() => BackupRestoreTests.MakeCertificate(CertificatePath, CertificatePassword);

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = CertificatePath,
        ["DataProtection:CertificatePassword"] = CertificatePassword,
    };
}

/// <summary>The app started on a database restored by restore.sh into a fresh cluster, with the restored certificate.</summary>
public sealed class RestoredApp(string connectionString, string certificatePath, string certificatePassword) : HyperCrmWebApplicationFactory
{
    protected override string? ExistingDatabase => connectionString;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = certificatePath,
        ["DataProtection:CertificatePassword"] = certificatePassword,
    };
}

/// <summary>
/// backup.sh, then restore.sh into a fresh cluster (as on a new machine), then the app on it: every order and rule is
/// there, and a connector secret encrypted before the backup can still be read, because the certificate that unlocks the
/// key ring travelled with the backup.
/// </summary>
public sealed class BackupRestoreTests(CertifiedFixture app) : IClassFixture<CertifiedFixture>
{
    private static readonly string Scripts = Path.Combine(FindRoot(), "etc", "scripts");

    [Fact]
    public async Task A_Backup_Restored_Into_A_Fresh_Cluster_Should_Run_With_Every_Order_Rule_And_Secret()
    {
        var order = await app.PlaceOrderAsync("backup-1", "backup@example.com", "Резервная Копия");
        var orderId = order.GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IConnectorAppService>().UpdateAsync("erp", new UpdateConnectorDto
            {
                BaseUrl = "https://erp.example.com/base", UserName = "crm", Secret = "s3cret-before-backup", TimeoutSeconds = 10,
            });
        }
        var rules = await CountAsync(app.ConnectionString, "SELECT count(*) FROM automation.rules");
        var orders = await CountAsync(app.ConnectionString, "SELECT count(*) FROM sales.orders");
        rules.ShouldBeGreaterThan(0);
        var archive = Path.Combine(app.Directory, "backup.tar.gz");
        var target = TempDirectory("hypercrm-backup-dst");
        try
        {
            await RunAsync("backup.sh", ["--out", archive], new()
            {
                ["ConnectionStrings__Default"] = app.ConnectionString, ["HYPERCRM_DATA"] = app.Directory,
                ["DataProtection__CertificatePath"] = app.CertificatePath,
                ["DataProtection__CertificatePassword"] = app.CertificatePassword,
            });
            await RunAsync("restore.sh", [archive], new() { ["HYPERCRM_DATA"] = target, ["ConnectionStrings__Default"] = null });
            var port = (await File.ReadAllTextAsync(Path.Combine(target, "pg-port"))).Trim();
            var password = (await File.ReadAllTextAsync(Path.Combine(target, "pg-password"))).Trim();
            await RunAsync("lib/common.sh", [], new(), $"pg_start '{target}/pg' {port} '{password}'");
            var restored = $"Host=127.0.0.1;Port={port};Database=hypercrm;Username=postgres;Password={password}";
            (await CountAsync(restored, "SELECT count(*) FROM automation.rules")).ShouldBe(rules);
            (await CountAsync(restored, "SELECT count(*) FROM sales.orders")).ShouldBe(orders);

            await using var started = new RestoredApp(restored, Path.Combine(target, "dataprotection.pfx"),
                (await File.ReadAllTextAsync(Path.Combine(target, "dataprotection.password"))).Trim());
            await started.InitializeAsync();
            await using var scope = started.Services.CreateAsyncScope();
            (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId)).ShouldNotBeNull()
                .ExternalId.ShouldBe("backup-1");
            (await started.Services.GetRequiredService<ConnectorSettingsProvider>().GetAsync("erp", CancellationToken.None))
                .Secret.ShouldBe("s3cret-before-backup");
            (await started.CreatePartnerClient().GetAsync($"/api/v1/orders/{orderId}")).IsSuccessStatusCode.ShouldBeTrue();
        }
        finally
        {
            if (File.Exists(Path.Combine(target, "pg", "postmaster.pid")))
                await RunAsync("lib/common.sh", [], new(), $"pg_stop '{target}/pg'");
            System.IO.Directory.Delete(target, recursive: true);
        }
    }

    internal static string TempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(path);
        // The postgres user writes the dump and the new cluster under it.
        const UnixFileMode everyoneReads = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, everyoneReads);
        return path;
    }

    internal static void MakeCertificate(string path, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=HyperCrm Data Protection (test)", key, HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>Runs one of etc/scripts (or, for lib/common.sh, a function of it) and fails with its output when it fails.</summary>
    private static async Task RunAsync(string script, string[] arguments, Dictionary<string, string?> environment, string? function = null)
    {
        var info = function is null
            ? new ProcessStartInfo("bash", [Path.Combine(Scripts, script), .. arguments])
            : new ProcessStartInfo("bash", ["-c", $"source '{Path.Combine(Scripts, script)}' && {function}"]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (var (name, value) in environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{script} {function}: {await output}\n{await errors}");
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "HyperCrm.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("The repository root was not found.");
    }
}
