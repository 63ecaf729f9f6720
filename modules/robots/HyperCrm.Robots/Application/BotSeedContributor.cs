using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Runner;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HyperCrm.Robots.Application;

/// <summary>Seeds the supplier bot, published, once; with simulators (this app's sandbox on, or
/// <see cref="RobotsOptions.SandboxUrl"/> set), with the sandbox portal's credentials.</summary>
public sealed class BotSeedContributor(RobotsDbContext db, IConfiguration configuration, IOptions<RobotsOptions> options,
    IDataProtectionProvider protection, IStringLocalizer<RobotsResource> l, TimeProvider clock) : IDataSeedContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Bots.AnyAsync(b => b.Key == SupplierBot.Key, cancellationToken)) return;
        var now = clock.GetUtcNow();
        // In the installation's language, like the playbook: names, step descriptions, the note on the purchase order.
        using var language = InstallationCulture.Use(InstallationCulture.Of(configuration));
        var bot = new Bot(Guid.CreateVersion7(), SupplierBot.Key, l["SupplierBot:Name"].Value, l["SupplierBot:Description"].Value,
            SupplierBot.Definition(key => l[key].Value), now);
        if (BotSandbox.IsAvailable(options.Value, configuration))
            bot.SetCredentials(configuration["Sandbox:Supplier:UserName"] ?? "buyer", protection.CreateProtector(
                BotJobProcessor.ProtectorPurpose).Protect(configuration["Sandbox:Supplier:Password"] ?? "supplier-demo"), now);
        bot.Publish("HyperCrm", l["SupplierBot:PublishNote"].Value, now);
        db.Bots.Add(bot);
        await db.SaveChangesAsync(cancellationToken);
    }
}
