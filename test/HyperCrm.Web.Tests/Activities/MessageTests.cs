using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Activities;

/// <summary>
/// Customers' messages: a partner relays one (<c>POST /api/v1/messages</c>), it is matched to the customer, put on their
/// timeline and in the support inbox, read by triage (intent, sentiment, confidence, model), and the playbook acts: an
/// angry complaint about an open order becomes an urgent task, a message the model is unsure about a task to read it.
/// The partner hears back only the message's id; bad input is refused naming the field.
/// </summary>
public sealed class MessageTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task An_Angry_Complaint_About_An_Open_Order_Should_Be_Triaged_Shown_And_Become_An_Urgent_Task()
    {
        var partner = app.CreatePartnerClient();
        var order = await (await partner.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "msg-order-1", currency = "RUB", paymentMethod = "invoice",
            customer = new { email = "angry.buyer@example.com", name = "Сердитый Покупатель" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-004", quantity = 1, unitPrice = 990m } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var customerId = order.GetProperty("customerId").GetGuid();

        var response = await partner.PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "email", fromEmail = "Angry.Buyer@example.com", subject = "Broken kettle",
            text = "The kettle arrived broken and nobody answers the phone, this is unacceptable!", externalId = "mail-1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messageId = accepted.GetProperty("id").GetGuid();
        accepted.EnumerateObject().Select(p => p.Name).ShouldBe(["id", "receivedAt"], "a partner learns nothing about the sender");

        var read = await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"SELECT intent || ' ' || sentiment || ' ' || triaged_by FROM activities.inbound_messages WHERE id = '{messageId}'"),
            r => r is string, TimeSpan.FromSeconds(60));
        read.ShouldBe("complaint negative triage-v1");
        (await app.ScalarAsync($"SELECT customer_id FROM activities.inbound_messages WHERE id = '{messageId}'")).ShouldBe(customerId);

        var task = await Eventually.WaitForAsync(() => app.ScalarAsync(
            $"SELECT title || ' | ' || priority FROM activities.tasks WHERE link_id = '{order.GetProperty("id").GetGuid()}'"
            + " AND title LIKE 'Angry complaint%'"), t => t is string, TimeSpan.FromSeconds(60));
        task.ShouldBe($"Angry complaint about order #{order.GetProperty("number").GetInt64()} from Сердитый Покупатель | Urgent");

        using var staff = await app.SignInAsync();
        var inbox = await staff.GetStringAsync("/Work/Inbox?intent=complaint");
        inbox.ShouldContain("The kettle arrived broken");
        inbox.ShouldContain("data-testid=\"message-intent\"");
        inbox.ShouldContain("triage-v1");
        var customerPage = await staff.GetStringAsync($"/Customers/Details?id={customerId}");
        customerPage.ShouldContain("Broken kettle");

        // The same mail relayed again is the same message.
        var again = await (await partner.PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "email", fromEmail = "angry.buyer@example.com", text = "The kettle arrived broken (resent)", externalId = "mail-1",
        })).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("id").GetGuid().ShouldBe(messageId);

        var handled = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Work/Inbox?handler=Handled&id={messageId}",
            new Dictionary<string, string>(), "/Work/Inbox");
        handled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.ScalarAsync($"SELECT handled FROM activities.inbound_messages WHERE id = '{messageId}'")).ShouldBe(true);
    }

    [Fact]
    public async Task A_Message_The_Model_Is_Unsure_About_Should_Become_A_Task_For_A_Person()
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/messages", new
        {
            channel = "chat", fromPhone = "+79165550101", fromName = "Unknown", text = "see attached",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var task = await Eventually.WaitForAsync(() => app.ScalarAsync(
            "SELECT title FROM activities.tasks WHERE title LIKE 'Read and sort the message from +79165550101%'"),
            t => t is string, TimeSpan.FromSeconds(60));
        task.ShouldNotBeNull();
    }

    [Fact]
    public async Task Bad_Messages_Should_Be_Refused_Naming_The_Field_And_Another_Partners_Order_Should_Be_Unknown()
    {
        var partner = app.CreatePartnerClient();
        var empty = await partner.PostAsJsonAsync("/api/v1/messages", new { channel = "email", fromEmail = "x@example.com", text = "" });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Text");

        // Another partner's order is no order this partner may name.
        var other = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("other-shop"));
        var theirs = await (await other.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "theirs-1", currency = "RUB", paymentMethod = "invoice",
            customer = new { email = "their.buyer@example.com", name = "Чужой Покупатель" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-004", quantity = 1, unitPrice = 990m } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var orderId in new[] { Guid.NewGuid(), theirs.GetProperty("id").GetGuid() })
        {
            var foreign = await partner.PostAsJsonAsync("/api/v1/messages", new
            {
                channel = "email", fromEmail = "x@example.com", text = "where is my order?", orderId,
            });
            foreign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            var problem = await foreign.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").TryGetProperty("OrderId", out _).ShouldBeTrue();
        }
        (await app.ScalarAsync("SELECT count(*) FROM activities.inbound_messages WHERE from_email = 'x@example.com'")).ShouldBe(0L);

        var noScope = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("orders-only",
            HyperCrm.Identity.ApiKeys.ApiScopes.OrdersRead));
        (await noScope.PostAsJsonAsync("/api/v1/messages", new { channel = "email", fromEmail = "x@example.com", text = "hello" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
