using System.Net;
using System.Net.Http.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The shop's mailbox over real HTTP: a customer's email in the sandbox mailbox reaches the support inbox through the email
/// connector, matched to the customer and read by triage; reading the mailbox again from the start (a lost cursor, a
/// second instance) adds nothing.
/// </summary>
public sealed class MailboxTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Customers_Email_Should_Reach_The_Support_Inbox_Once_Matched_And_Read()
    {
        var order = await app.PlaceOrderAsync("mailbox-order", "mail.writer@example.com", "Пишет Письмо", "SKU-033");
        using var http = app.Http();
        var written = await http.PostAsJsonAsync("/sandbox/mail/inbox", new
        {
            from = "Mail.Writer@example.com", name = "Пишет Письмо", subject = "Где заказ?",
            text = "Здравствуйте! Где мой заказ, когда доставят?",
        });
        written.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await http.PostAsJsonAsync("/sandbox/mail/inbox", new { from = "stranger@example.com", text = "Do you deliver to Kazan?" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var read = await Eventually.WaitForAsync(() => app.ScalarAsync(
            "SELECT intent || ' ' || (customer_id = '" + order.GetProperty("customerId").GetGuid() + "') FROM activities.inbound_messages "
            + "WHERE subject = 'Где заказ?' AND intent IS NOT NULL"), r => r is string, TimeSpan.FromSeconds(60));
        read.ShouldBe("order_status true");
        var stranger = await Eventually.WaitForAsync(() => app.ScalarAsync(
            "SELECT coalesce(customer_id::text, 'nobody') || ' ' || intent FROM activities.inbound_messages"
            + " WHERE from_email = 'stranger@example.com' AND intent IS NOT NULL"), r => r is string, TimeSpan.FromSeconds(60));
        stranger.ShouldBe("nobody question");

        // The cursor is lost: the mailbox is read from the start again, and nothing is doubled.
        await app.ExecuteSqlAsync("UPDATE integrations.mailbox_cursors SET position = 0");
        await Eventually.WaitForAsync(() => app.ScalarAsync("SELECT position FROM integrations.mailbox_cursors"),
            p => p is long position && position >= 2, TimeSpan.FromSeconds(30));
        (await app.ScalarAsync("SELECT count(*) FROM activities.inbound_messages WHERE channel = 'Email'")).ShouldBe(2L);
    }
}
