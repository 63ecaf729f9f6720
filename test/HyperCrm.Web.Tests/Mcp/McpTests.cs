using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.TestBase;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Mcp;

/// <summary>
/// The MCP server through the MCP client package, over the app's own HTTP: a partner's key sees and calls only what its
/// scopes allow and only its own data (another partner's order is "not found", as in the REST API); a person's token acts
/// with that person's permissions, only at /mcp, until revoked; every call is in the security audit log.
/// </summary>
public sealed partial class McpTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Partner_Should_List_Its_Tools_Read_Its_Own_Order_And_Not_Another_Partners()
    {
        var mine = await app.PlaceOrderAsync("mcp-own-1", "mcp-own@partner.test", "Olga Own");
        var theirs = await OrderOfAnotherPartnerAsync("mcp-rival-1");
        await using var client = await ConnectAsync(HyperCrmWebApplicationFactory.PartnerKey);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        tools.ShouldContain("search_customers");
        tools.ShouldContain("get_order");
        tools.ShouldContain("get_order_timeline");
        tools.ShouldNotContain("create_task", "partners write no tasks");
        tools.ShouldNotContain("get_customer_timeline", "the customer timeline holds every partner's events");
        tools.ShouldNotContain("start_rule");

        var own = await client.CallToolAsync("get_order",
            new Dictionary<string, object?> { ["orderId"] = mine.GetProperty("id").GetString() });
        own.IsError.ShouldNotBe(true);
        Text(own).ShouldContain($"\"number\":{mine.GetProperty("number").GetInt64()}");

        var other = await client.CallToolAsync("get_order", new Dictionary<string, object?> { ["orderId"] = theirs });
        other.IsError.ShouldBe(true);
        Text(other).ShouldContain("was not found");

        var found = await client.CallToolAsync("search_orders", new Dictionary<string, object?> { ["limit"] = 50 });
        Text(found).ShouldContain(mine.GetProperty("id").GetString()!);
        Text(found).ShouldNotContain(theirs);

        var products = await client.CallToolAsync("search_products", new Dictionary<string, object?> { ["query"] = "SKU-011" });
        Text(products).ShouldContain("\"sku\":\"SKU-011\"");
        Text(products).ShouldContain("\"available\":");

        var summary = await client.ReadResourceAsync($"hypercrm://orders/{mine.GetProperty("id").GetString()}");
        ((TextResourceContents)summary.Contents[0]).Text.ShouldContain($"# Order #{mine.GetProperty("number").GetInt64()}");
        await Should.ThrowAsync<McpException>(async () => await client.ReadResourceAsync($"hypercrm://orders/{theirs}"));

        (await app.ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE action = 'mcp.tool_called' AND NOT succeeded "
            + $"AND details LIKE '%{theirs}%'")).ShouldBe(1L);
    }

    [Fact]
    public async Task A_Key_Without_A_Scope_Should_Neither_See_Nor_Call_Its_Tools()
    {
        var key = await app.CreatePartnerKeyAsync("mcp-orders-only", ApiScopes.OrdersRead);
        await using var client = await ConnectAsync(key);

        var tools = (await client.ListToolsAsync()).Select(t => t.Name).Order().ToList();
        tools.ShouldBe(["get_order", "get_order_timeline", "search_orders"]);
        var refused = await client.CallToolAsync("search_customers", new Dictionary<string, object?>());
        refused.IsError.ShouldBe(true);
        Text(refused).ShouldContain("not available");
    }

    [Fact]
    public async Task A_Persons_Token_Should_Act_With_Their_Permissions_Only_At_Mcp_Until_Revoked()
    {
        var order = await app.PlaceOrderAsync("mcp-staff-1", "mcp-staff@partner.test", "Pavel Staff");
        var browser = await app.SignInAsStaffAsync("support-mcp@test.local", "support");
        var token = await CreateTokenAsync(browser, "Claude Desktop");
        token.ShouldStartWith("hcpat_");
        (await browser.GetStringAsync("/Account/Manage/Tokens")).ShouldNotContain(token, Case.Sensitive, "shown once");

        await using (var client = await ConnectAsync(token))
        {
            var tools = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
            tools.ShouldContain("create_task");
            tools.ShouldContain("get_customer_timeline");
            tools.ShouldNotContain("start_rule", "support may not start rules");
            tools.ShouldNotContain("search_deals", "support has no deals");

            var task = await client.CallToolAsync("create_task", new Dictionary<string, object?>
            {
                ["title"] = "Call Pavel about the parcel", ["priority"] = "high", ["orderId"] = order.GetProperty("id").GetString(),
            });
            task.IsError.ShouldNotBe(true, Text(task));
            var bad = await client.CallToolAsync("create_task", new Dictionary<string, object?>
            {
                ["title"] = "About nothing", ["orderId"] = Guid.NewGuid().ToString(),
            });
            bad.IsError.ShouldBe(true);
            Text(bad).ShouldContain("was not found");
            var refused = await client.CallToolAsync("start_rule", new Dictionary<string, object?> { ["ruleId"] = Guid.NewGuid() });
            Text(refused).ShouldContain("not available");
        }
        (await app.ScalarAsync("SELECT count(*) FROM activities.tasks WHERE title = 'Call Pavel about the parcel' "
            + "AND assignee_id IS NOT NULL")).ShouldBe(1L);
        (await app.ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE action = 'mcp.tool_called' "
            + "AND actor_name LIKE 'support-mcp%'")).ShouldBe(3L);

        var api = app.CreatePartnerClient(token);
        (await api.GetAsync("/api/v1/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a token opens /mcp only");

        var page = await browser.GetStringAsync("/Account/Manage/Tokens");
        var revoke = Regex.Match(page,
            "action=\"(/Account/Manage/Tokens\\?id=[^\"&]+&amp;handler=Revoke|[^\"]*handler=Revoke[^\"]*)\"").Groups[1].Value
            .Replace("&amp;", "&", StringComparison.Ordinal);
        (await HyperCrmWebApplicationFactory.PostFormAsync(browser, revoke, new Dictionary<string, string>(), "/Account/Manage/Tokens"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await Should.ThrowAsync<HttpRequestException>(() => ConnectAsync(token));
    }

    private async Task<string> OrderOfAnotherPartnerAsync(string externalId)
    {
        var key = await app.CreatePartnerKeyAsync("mcp-rival");
        var response = await app.CreatePartnerClient(key).PostAsJsonAsync("/api/v1/orders", new
        {
            externalId, currency = "RUB", customer = new { email = "rival@partner.test", name = "Rita Rival" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 2" }, paymentMethod = "cash",
            lines = new[] { new { sku = "SKU-011", quantity = 1, unitPrice = 100m } },
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> CreateTokenAsync(HttpClient browser, string name)
    {
        var created = await HyperCrmWebApplicationFactory.PostFormAsync(browser, "/Account/Manage/Tokens?handler=Create",
            new Dictionary<string, string> { ["Name"] = name, ["Days"] = "30" }, "/Account/Manage/Tokens");
        var html = await created.Content.ReadAsStringAsync();
        return NewToken().Match(html) is { Success: true } found ? found.Groups[1].Value
            : throw new InvalidOperationException("No token on the page: " + html[..Math.Min(html.Length, 2000)]);
    }

    private async Task<McpClient> ConnectAsync(string key)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(app.Server.BaseAddress, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + key },
        }, app.CreateClient(), NullLoggerFactory.Instance, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    [GeneratedRegex("data-testid=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();
}
