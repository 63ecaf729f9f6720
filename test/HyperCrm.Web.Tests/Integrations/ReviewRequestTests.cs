using System.Net;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// Step 11: three days after an order completes, the customer is asked for a review, once (the wait is a stored run the
/// test moves to its due time, as three days passing would), also when the app restarts during the wait; an order
/// returned meanwhile gets no review request.
/// </summary>
public sealed class ReviewRequestTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    private const string Rule = "Three days after delivery, ask for a review";

    [Fact]
    public async Task A_Kept_Order_Should_Get_One_Review_Request_And_A_Returned_One_None()
    {
        var kept = await app.PlaceOrderAsync("review-kept", "review.kept@example.com", "Отзыв Оставит", "SKU-031");
        var returned = await app.PlaceOrderAsync("review-returned", "review.returned@example.com", "Вернёт Заказ", "SKU-032");
        var keptId = kept.GetProperty("id").GetGuid();
        var returnedId = returned.GetProperty("id").GetGuid();
        await WaitingAsync(keptId);
        await WaitingAsync(returnedId);

        // The second customer sends the goods back before the three days are up.
        var support = await app.SignInAsStaffAsync("support.reviews@example.com", "support");
        var moved = await HyperCrmWebApplicationFactory.PostFormAsync(support, $"/Orders/Details?id={returnedId}",
            new Dictionary<string, string> { ["move"] = "Cancel", ["reason"] = "changed their mind" });
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Eventually.WaitForAsync(() => RunStateAsync(returnedId), s => s is "Completed" or "Stopped", TimeSpan.FromSeconds(60));

        // Three days pass for the kept order.
        await app.ExecuteSqlAsync($"""
            UPDATE automation.runs SET next_attempt_at = now() - interval '1 second'
            WHERE subject_id = '{keptId}' AND state = 'Waiting' AND rule_name = '{Rule}'
            """);
        await Eventually.WaitForAsync(() => RunStateAsync(keptId), s => s is "Completed", TimeSpan.FromSeconds(60));

        var subject = $"How do you like order #{kept.GetProperty("number").GetInt64()}?";
        var mail = await Eventually.WaitForAsync(() => app.LedgerAsync("mail"),
            l => l.Any(e => e!["payload"]!["subject"]?.GetValue<string>() == subject), TimeSpan.FromSeconds(60));
        var asked = mail.Where(e => e!["payload"]!["subject"]?.GetValue<string>() == subject).ToList();
        asked.Count.ShouldBe(1);
        asked[0]!["payload"]!["text"]!.GetValue<string>().ShouldContain("a mark from 1 to 5");
        mail.Count(e => e!["payload"]!["subject"]?.GetValue<string>()?.Contains($"#{returned.GetProperty("number").GetInt64()}?",
            StringComparison.Ordinal) == true).ShouldBe(0, "a returned order is not asked about");
    }

    [Fact]
    public async Task The_Review_Request_Should_Fire_Once_After_A_Restart_During_The_Wait()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            Guid orderId;
            long number;
            await using (var before = new SandboxOn(database))
            {
                await before.InitializeAsync();
                var order = await before.PlaceOrderAsync("review-restart", "review.restart@example.com", "Перезапуск Ждёт", "SKU-034");
                (orderId, number) = (order.GetProperty("id").GetGuid(), order.GetProperty("number").GetInt64());
                await Eventually.WaitForAsync(() => RunStateAsync(before, orderId), s => s is "Waiting", TimeSpan.FromSeconds(120));
            }

            // The app is down; three days pass; it starts again and finds the wait in the database.
            await using var after = new SandboxOn(database);
            await after.InitializeAsync();
            await after.ExecuteSqlAsync($"""
                UPDATE automation.runs SET next_attempt_at = now() - interval '1 second'
                WHERE subject_id = '{orderId}' AND state = 'Waiting' AND rule_name = '{Rule}'
                """);
            await Eventually.WaitForAsync(() => RunStateAsync(after, orderId), s => s is "Completed", TimeSpan.FromSeconds(60));
            var subject = $"How do you like order #{number}?";
            var asked = await Eventually.WaitForAsync(() => after.LedgerAsync("mail"),
                l => l.Any(e => e!["payload"]!["subject"]?.GetValue<string>() == subject), TimeSpan.FromSeconds(60));
            asked.Count(e => e!["payload"]!["subject"]?.GetValue<string>() == subject).ShouldBe(1);
            (await after.ScalarAsync($"SELECT count(*) FROM automation.run_steps s JOIN automation.runs r ON r.id = s.run_id "
                + $"WHERE r.subject_id = '{orderId}' AND r.rule_name = '{Rule}' AND s.step_id = 'review'")).ShouldBe(1L);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>The sandboxed app on a database the test owns, so a second instance can start where the first stopped.</summary>
    private sealed class SandboxOn(string database) : SandboxFixture
    {
        protected override string? ExistingDatabase => database;
    }

    private Task<string?> RunStateAsync(Guid orderId) => RunStateAsync(app, orderId);

    private static async Task<string?> RunStateAsync(HyperCrmWebApplicationFactory on, Guid orderId) =>
        (string?)await on.ScalarAsync($"SELECT state FROM automation.runs WHERE subject_id = '{orderId}' AND rule_name = '{Rule}'");

    private async Task WaitingAsync(Guid orderId) =>
        await Eventually.WaitForAsync(() => RunStateAsync(orderId), s => s is "Waiting", TimeSpan.FromSeconds(120));

}
