using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HyperCrm.Application.Tests.Framework.Testing;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Security;
using HyperCrm.TestBase;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Framework;

/// <summary>With a certificate, the key ring in the database is encrypted: a dump of it alone decrypts nothing.</summary>
public sealed class DataProtectionKeyRingTests(TestingDatabaseFixture database) : IClassFixture<TestingDatabaseFixture>, IDisposable
{
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"hypercrm-dp-{Guid.NewGuid():N}.pfx");

    [Fact]
    public async Task Keys_Should_Be_Stored_Encrypted_With_The_Certificate_And_Still_Decrypt_After_A_Restart()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=HyperCrm Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(_certificatePath, certificate.Export(X509ContentType.Pkcs12, "pfx password"));
        }
        var settings = new Dictionary<string, string?>
        {
            [DataProtectionKeyRing.CertificatePathKey] = _certificatePath,
            [DataProtectionKeyRing.CertificatePasswordKey] = "pfx password",
            ["Outbox:DispatcherEnabled"] = "false",
        };

        string protectedText;
        await using (var host = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, settings))
        {
            protectedText = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("connector secret");
            var keys = await host.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().DataProtectionKeys.AsNoTracking()
                .Select(k => k.Xml).ToListAsync());
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml!.Contains("EncryptedData", StringComparison.Ordinal) && !xml.Contains("<value>",
                StringComparison.Ordinal));
        }

        await using var restarted = await ModuleTestHost.StartAsync<TestingModule>(database.ConnectionString, settings);
        restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText)
            .ShouldBe("connector secret");
    }

    public void Dispose() => File.Delete(_certificatePath);
}
