using System.Security.Cryptography.X509Certificates;
using HyperCrm.Framework.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Framework.Security;

/// <summary>
/// The Data Protection key ring (it encrypts connector secrets and signs cookies) lives in the database, so that every
/// instance shares it. With <c>DataProtection:CertificatePath</c> (a PKCS #12 file, password in
/// <c>DataProtection:CertificatePassword</c>) each key is encrypted with that certificate before it is stored, so a dump of
/// the database alone decrypts nothing and forges no cookie. Without one, the keys are stored in clear and every start
/// logs a warning.
/// </summary>
public static class DataProtectionKeyRing
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IServiceCollection AddHyperDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDataProtection().SetApplicationName("HyperCrm").PersistKeysToDbContext<PlatformDbContext>();
        if (configuration[CertificatePathKey] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey],
                X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey) throw new InvalidOperationException($"The Data Protection certificate {path} has no private " +
                $"key.");
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else
        {
            services.AddHostedService<ClearKeyRingWarning>();
        }
        return services;
    }

    private sealed class ClearKeyRingWarning(ILogger<ClearKeyRingWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Data Protection keys are stored in the database unencrypted: set DataProtection__CertificatePath (and " +
                "__CertificatePassword) so a database dump cannot decrypt connector secrets or forge cookies");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
