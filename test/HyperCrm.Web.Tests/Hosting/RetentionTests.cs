using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>Raw webhooks, delivery logs and run logs are kept for their retention, then purged; nothing in flight goes.</summary>
public sealed class RetentionTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task Old_Finished_Rows_Should_Be_Purged_And_Recent_Or_Unfinished_Ones_Kept()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-400);
        var oldDone = new InboundWebhook(Guid.CreateVersion7(), "shop", "demo", "msg_old_done", "order.created", "{}", "{}", old);
        oldDone.Processed(Message.Of("Integrations:Inbound:OrderStored", ("number", 1)), null, old);
        var oldInFlight = new InboundWebhook(Guid.CreateVersion7(), "shop", "demo", "msg_old_received", "order.created", "{}", "{}", old);
        var recent = new InboundWebhook(Guid.CreateVersion7(), "shop", "demo", "msg_recent", "order.created", "{}", "{}",
            DateTimeOffset.UtcNow);
        recent.Processed(Message.Of("Integrations:Inbound:OrderStored", ("number", 2)), null, DateTimeOffset.UtcNow);
        var subscription = new WebhookSubscription(Guid.CreateVersion7(), Guid.NewGuid(), "https://example.com/hook", ["order.created"],
            "protected", old);
        var delivered = new WebhookDelivery(Guid.CreateVersion7(), subscription, "order.created", "evt-old", null, "{}", old);
        delivered.Succeeded(200, old);
        var attempt = new WebhookAttempt(Guid.CreateVersion7(), delivered.Id, 1, old, 200, null, 12);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
            db.InboundWebhooks.AddRange(oldDone, oldInFlight, recent);
            db.Subscriptions.Add(subscription);
            db.Deliveries.Add(delivered);
            db.Attempts.Add(attempt);
            await db.SaveChangesAsync();
        }

        var purged = await app.Services.GetRequiredService<RetentionSweeper>().SweepAsync(CancellationToken.None);

        purged.Keys.ShouldContain("automation.run_steps");
        await using var check = app.Services.CreateAsyncScope();
        var after = check.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var kept = await after.InboundWebhooks.AsNoTracking().Where(w => w.WebhookId.StartsWith("msg_")).Select(w => w.WebhookId)
            .ToListAsync();
        kept.ShouldContain("msg_recent");
        kept.ShouldContain("msg_old_received");
        kept.ShouldNotContain("msg_old_done");
        (await after.Attempts.AsNoTracking().AnyAsync(a => a.Id == attempt.Id)).ShouldBeFalse();
        (await after.Deliveries.AsNoTracking().AnyAsync(d => d.Id == delivered.Id)).ShouldBeFalse();
    }
}
