using HyperCrm.Framework.Hosting;
using HyperCrm.Robots.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Runner;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace HyperCrm.Robots.Application;

/// <summary>Seeds the supplier bot, published, once; with the sandbox on, with the sandbox portal's credentials.</summary>
public sealed class BotSeedContributor(RobotsDbContext db, IConfiguration configuration, IDataProtectionProvider protection,
    TimeProvider clock) : IDataSeedContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Bots.AnyAsync(b => b.Key == SupplierBot.Key, cancellationToken)) return;
        var now = clock.GetUtcNow();
        var bot = new Bot(Guid.CreateVersion7(), SupplierBot.Key, "Supplier portal purchase order",
            "Places a purchase order on the supplier's web portal for each missing line of an order, and reads its number.",
            SupplierBot.Definition, now);
        if (configuration.GetValue("Sandbox:Enabled", false))
            bot.SetCredentials(configuration["Sandbox:Supplier:UserName"] ?? "buyer", protection.CreateProtector(
                BotJobProcessor.ProtectorPurpose).Protect(configuration["Sandbox:Supplier:Password"] ?? "supplier-demo"), now);
        bot.Publish("seed", "The default supplier bot", now);
        db.Bots.Add(bot);
        await db.SaveChangesAsync(cancellationToken);
    }
}
