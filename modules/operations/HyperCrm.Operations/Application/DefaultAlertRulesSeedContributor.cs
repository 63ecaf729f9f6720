using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Operations.Data;
using HyperCrm.Operations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Operations.Application;

/// <summary>The alert rules a new installation starts with (named in its language), once: an operator edits or removes them.</summary>
public sealed class DefaultAlertRulesSeedContributor(OperationsDbContext db, IStringLocalizer<OperationsResource> l,
    IConfiguration configuration)
    : IDataSeedContributor
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.AlertRules.AnyAsync(cancellationToken)) return;
        using (InstallationCulture.Use(InstallationCulture.Of(configuration)))
        {
            db.AlertRules.AddRange(
                Rule("Seed:EventBacklog", AlertKind.Backlog, "outbox.*", 1000, 5, email: true),
                Rule("Seed:EventAge", AlertKind.Age, "outbox.*", 300, 2, email: true),
                Rule("Seed:RunsDead", AlertKind.Backlog, "automation.runs.dead_lettered", 0, 0, email: false),
                Rule("Seed:RunsDue", AlertKind.Backlog, "automation.runs.due", 500, 5, email: true),
                Rule("Seed:CircuitOpen", AlertKind.CircuitOpen, "*", 0, 0, email: true),
                Rule("Seed:ErrorRate", AlertKind.ErrorRate, "*", 20, 5, email: true),
                Rule("Seed:BotFailing", AlertKind.BotFailing, "*", 3, 0, email: true),
                Rule("Seed:InstanceGone", AlertKind.InstanceGone, "*", 60, 0, email: true),
                Rule("Seed:WebhooksFailed", AlertKind.Backlog, "integrations.webhooks.failed", 0, 0, email: false));
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private AlertRule Rule(string name, AlertKind kind, string target, double threshold, int minutes, bool email) =>
        new(Guid.CreateVersion7(), l[name], kind, target, threshold, minutes, email);
}
