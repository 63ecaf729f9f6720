using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.E2E.Tests;

/// <summary>An operator sees a dead letter on the console (an event whose consumer failed for good), opens the list, retries it,
/// and the event reaches its consumer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OperationsTests(BrowserFixture app)
{
    private const string Consumer = "HyperCrm.Customers.Application.TimelineEventHandler";

    [Fact]
    public Task An_Operator_Should_Retry_A_Dead_Letter_From_The_Console_And_It_Should_Complete() =>
        app.RunAsync(nameof(An_Operator_Should_Retry_A_Dead_Letter_From_The_Console_And_It_Should_Complete), async page =>
    {
        await page.GotoAsync("/sandbox/shop");
        await page.FillAsync("#name", "Олег Оператор");
        await page.FillAsync("#email", "oleg.operator@example.com");
        await page.FillAsync("#phone", "+79167770808");
        await page.ClickAsync("#place-order");
        (await page.Locator("#crm-order").InnerTextAsync()).Trim().ShouldNotBeEmpty();
        // The order's timeline entry reached the customer's timeline; then its consumer is made to have failed on it for good.
        var eventId = (Guid)(await Eventually.WaitForAsync(() => app.ScalarAsync($"""
            SELECT o.id FROM sales.outbox_messages o JOIN customers.inbox_messages i ON i.event_id = o.id AND i.consumer = '{Consumer}'
            WHERE o.event_name = 'customers.timeline.entry'
              AND o.payload->>'customerId' = (SELECT customer_id::text FROM sales.orders WHERE customer_name = 'Олег Оператор' LIMIT 1)
            LIMIT 1
            """), id => id is Guid, TimeSpan.FromSeconds(60)))!;
        await app.ExecuteSqlAsync($"""
            DELETE FROM customers.inbox_messages WHERE event_id = '{eventId}' AND consumer = '{Consumer}';
            INSERT INTO sales.dead_letters (id, event_id, event_name, payload, consumer, error, attempts, occurred_at, dead_lettered_at)
            SELECT gen_random_uuid(), id, event_name, payload, '{Consumer}', 'TimeoutException: the timeline did not answer', 8,
                   occurred_at, now() FROM sales.outbox_messages WHERE id = '{eventId}';
            """);

        await app.SignInAsync(page);
        await page.GotoAsync("/Operations");
        await page.Locator("[data-testid=ops-queues]").WaitForAsync();
        (await page.Locator("[data-testid=dead-event]").InnerTextAsync()).Trim().ShouldNotBe("0");
        await PageTourTests.ShotAsync(page, "operations-console");

        await page.ClickAsync("[data-testid=dead-event]");
        var row = page.Locator($"[data-testid=dead-letter][data-source=event]:has-text('TimelineEventHandler')").First;
        await row.WaitForAsync();
        await PageTourTests.ShotAsync(page, "dead-letters");
        await row.Locator("[data-testid=retry]").ClickAsync();

        await page.Locator(".alert-success").WaitForAsync();
        await Eventually.WaitForAsync(() => app.ScalarAsync(
                $"SELECT count(*) FROM customers.inbox_messages WHERE event_id = '{eventId}' AND consumer = '{Consumer}'"),
            n => (long)n! == 1);
        (await app.ScalarAsync($"SELECT count(*) FROM sales.dead_letters WHERE event_id = '{eventId}'")).ShouldBe(0L);
        await page.ReloadAsync();
        (await page.Locator($"[data-testid=dead-letter][data-source=event]:has-text('TimelineEventHandler')").CountAsync()).ShouldBe(0);
    });
}
