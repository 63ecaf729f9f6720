using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.TestBase;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using StandardWebhooks;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>Outbound partner webhooks: signed deliveries, retries, 410, the delivery log, replay and the SSRF guard.</summary>
public sealed class PartnerWebhookTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Partner_Endpoint_Answering_500_Then_200_Should_Get_One_Successful_Signed_Delivery_With_Every_Attempt_Logged()
    {
        await using var receiver = await Receiver.StartAsync(500, 200);
        var key = await app.CreatePartnerKeyAsync("hook-partner");
        using var partner = app.Http(key);
        var created = await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = receiver.Url,
            events = new[] { "order.created" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var subscription = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var secret = subscription["secret"]!.GetValue<string>();
        secret.ShouldStartWith("whsec_");

        var order = await partner.PostAsJsonAsync("/api/v1/orders", Order("hook-1"));
        order.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await order.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var delivery = await Eventually.WaitForAsync(async () =>
            (await partner.GetFromJsonAsync<JsonObject>("/api/v1/webhooks/deliveries"))!["items"]!.AsArray()
            .FirstOrDefault(d => d!["orderId"]?.GetValue<Guid>() == orderId), d =>
                d?["state"]?.GetValue<string>() == "delivered", TimeSpan.FromSeconds(90));
        delivery.ShouldNotBeNull();
        delivery["state"]!.GetValue<string>().ShouldBe("delivered");
        var attempts = delivery["attemptLog"]!.AsArray();
        attempts.Count.ShouldBe(2);
        attempts[0]!["statusCode"]!.GetValue<int>().ShouldBe(500);
        attempts[1]!["statusCode"]!.GetValue<int>().ShouldBe(200);

        receiver.Requests.Count.ShouldBe(2);
        receiver.Requests.Select(r => r.Id).Distinct().Count().ShouldBe(1, "every attempt carries the same webhook-id");
        foreach (var request in receiver.Requests)
        {
            var headers = new HeaderDictionary { ["webhook-id"] = request.Id, ["webhook-timestamp"] = request.Timestamp,
                ["webhook-signature"] = request.Signature };
            Should.NotThrow(() => new StandardWebhook(secret).Verify(request.Body, headers));
            JsonNode.Parse(request.Body)!["type"]!.GetValue<string>().ShouldBe("order.created");
        }

        // Replay sends it once more, logged as a third attempt.
        var replay = await partner.PostAsync($"/api/v1/webhooks/deliveries/{delivery["id"]}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.WaitForAsync(() => Task.FromResult(receiver.Requests.Count), n => n == 3, TimeSpan.FromSeconds(60));
        receiver.Requests.Count.ShouldBe(3);

        // Another partner sees none of it.
        using var stranger = app.Http(await app.CreatePartnerKeyAsync("other-partner"));
        var theirs = await stranger.GetFromJsonAsync<JsonObject>("/api/v1/webhooks/deliveries");
        theirs!["items"]!.AsArray().ShouldBeEmpty();
        (await stranger.PostAsync($"/api/v1/webhooks/deliveries/{delivery["id"]}/replay",
            null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/v1/webhooks/subscriptions/{subscription["subscription"]!["id"]}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_410_Should_Disable_The_Subscription()
    {
        await using var receiver = await Receiver.StartAsync(410);
        using var partner = app.Http(await app.CreatePartnerKeyAsync("gone-partner"));
        var created = await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = receiver.Url,
            events = new[] { "order.created", "order.status_changed" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await partner.PostAsJsonAsync("/api/v1/orders", Order("gone-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var list = await Eventually.WaitForAsync(async () =>
            (await partner.GetFromJsonAsync<JsonObject>("/api/v1/webhooks/subscriptions"))!["items"]!.AsArray(),
            items => items.Single()!["isActive"]!.GetValue<bool>() == false, TimeSpan.FromSeconds(30));
        list.Single()!["isActive"]!.GetValue<bool>().ShouldBeFalse();
        list.Single()!["disabledReason"]!.GetValue<string>().ShouldContain("410");
        // The order's created and status events may be claimed in one round and sent side by side before the 410
        // comes back; after it nothing is retried or sent again.
        var deliveries = await Eventually.WaitForAsync(async () =>
            (await partner.GetFromJsonAsync<JsonObject>("/api/v1/webhooks/deliveries"))!["items"]!.AsArray(),
            items => items.All(d => d!["state"]!.GetValue<string>() != "pending"), TimeSpan.FromSeconds(30));
        deliveries.ShouldAllBe(d => d!["state"]!.GetValue<string>() == "cancelled" && d["attempts"]!.GetValue<int>() <= 1);
        receiver.Requests.Count.ShouldBe(deliveries.Count(d => d!["attempts"]!.GetValue<int>() == 1));
        receiver.Requests.Count.ShouldBeInRange(1, 2);
    }

    [Theory]
    [InlineData("http://localhost:9/hooks")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://192.168.1.10/hooks")]
    [InlineData("ftp://example.com/hooks")]
    [InlineData("http://user:pass@example.com/hooks")]
    public async Task Subscriptions_To_Inward_Or_Odd_Targets_Should_Be_Refused(string url)
    {
        using var partner = app.Http(await app.CreatePartnerKeyAsync("ssrf-partner"));
        var response = await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url, events = new[] { "order.created" } });
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await partner.GetFromJsonAsync<JsonObject>("/api/v1/webhooks/subscriptions"))!["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Subscriptions_Should_Need_The_Scope_And_Valid_Input()
    {
        using var readOnly = app.Http(await app.CreatePartnerKeyAsync("scoped-partner", ApiScopes.OrdersRead));
        (await readOnly.GetAsync("/api/v1/webhooks/subscriptions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var partner = app.Http(await app.CreatePartnerKeyAsync("input-partner"));
        (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = "https://example.com/x",
            events = new[] { "order.exploded" } }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = "https://example.com/x",
            events = Array.Empty<string>() }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = "https://example.com/x",
            events = new[] { "order.created" }, secret = "plain" }))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Staff_Should_See_Every_Subscription_In_Settings_And_Support_Should_Not_Edit_Connectors()
    {
        using var partner = app.Http(await app.CreatePartnerKeyAsync("ui-partner"));
        await using var receiver = await Receiver.StartAsync(200);
        (await partner.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = receiver.Url,
            events = new[] { "order.shipped" } })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = await app.SignInAsync();
        var page = await admin.GetStringAsync("/Settings/Integrations/Webhooks");
        page.ShouldContain(receiver.Url);
        page.ShouldContain("ui-partner");
        var connectors = await admin.GetStringAsync("/Settings/Integrations");
        connectors.ShouldContain("/sandbox/erp");

        var support = await app.SignInAsStaffAsync("support.integrations@test.local", "Support");
        (await support.GetAsync("/Settings/Integrations")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync("/Settings/Integrations/Edit?name=erp")).Headers.Location!.ToString()
            .ShouldContain("/Account/AccessDenied");
        var refused = await HyperCrmWebApplicationFactory.PostFormAsync(support, "/Settings/Integrations?handler=Test&name=erp",
            new Dictionary<string, string>(), "/Settings/Integrations");
        refused.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        refused.Headers.Location?.ToString().ShouldContain("/Account/AccessDenied");

        // An admin edits a connector: the secret is stored encrypted, never shown, and the test button uses it.
        var saved = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Integrations/Edit?name=sms",
            new Dictionary<string, string>
        {
            ["Name"] = "sms", ["Input.BaseUrl"] = app.BaseUrl + "/sandbox/sms", ["Input.UserName"] = "", ["Input.Secret"] =
                "sms-api-key-123", ["Input.TimeoutSeconds"] = "5",
        }, "/Settings/Integrations/Edit?name=sms");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<HyperCrm.Integrations.Data.IntegrationsDbContext>()
                .Connectors.SingleAsync(c => c.Name == "sms");
            row.ProtectedSecret.ShouldNotBeNull();
            row.ProtectedSecret.ShouldNotContain("sms-api-key-123");
        }
        (await admin.GetStringAsync("/Settings/Integrations")).ShouldNotContain("sms-api-key-123");
        var audit = await admin.GetStringAsync("/Identity/Audit");
        audit.ShouldContain("connector.updated");
        audit.ShouldContain("webhook_subscription.created");
        audit.ShouldNotContain("sms-api-key-123");
        var tested = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Integrations?handler=Test&name=sms",
            new Dictionary<string, string>(), "/Settings/Integrations");
        tested.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await admin.GetStringAsync("/Settings/Integrations")).ShouldContain("works");
        var badUrl = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Settings/Integrations/Edit?name=sms",
            new Dictionary<string, string>
        {
            ["Name"] = "sms", ["Input.BaseUrl"] = "not a url", ["Input.TimeoutSeconds"] = "500",
        }, "/Settings/Integrations/Edit?name=sms");
        badUrl.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sales = await app.SignInAsStaffAsync("sales.integrations@test.local", "Sales");
        (await sales.GetAsync("/Settings/Integrations/Webhooks")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    private static object Order(string externalId) => new
    {
        externalId,
        currency = "RUB",
        customer = new { email = $"{externalId}@example.com", name = "Hook Customer" },
        shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
        paymentMethod = "card",
        lines = new[] { new { sku = "SKU-010", quantity = 1, unitPrice = 990m } },
    };

    /// <summary>A partner's endpoint on loopback: answers the given statuses in turn (the last one from then on), keeps what it
    /// got.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<(string Id, string Timestamp, string Signature, string Body)> Requests { get; } = new();

        public static async Task<Receiver> StartAsync(params int[] statuses)
        {
            Receiver? self = null;
            var (app, address) = await LoopbackApp.StartAsync(app => app.MapPost("/hooks", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = await reader.ReadToEndAsync();
                self!.Requests.Enqueue((http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                    http.Request.Headers["webhook-signature"].ToString(), body));
                return Results.StatusCode(statuses[Math.Min(self.Requests.Count, statuses.Length) - 1]);
            }));
            self = new Receiver(app, address + "/hooks");
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
