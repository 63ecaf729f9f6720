using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Partners;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Identity;

public sealed class ApiKeyAuthenticationTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Missing_Key_Should_Be_401_Problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/me");

        await ShouldBeUnauthorizedProblemAsync(response, "Send your API key");
    }

    [Fact]
    public async Task A_Wrong_Key_Should_Be_401_Problem()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hcrm_this-key-does-not-exist-anywhere");

        await ShouldBeUnauthorizedProblemAsync(await client.GetAsync("/api/v1/me"), "unknown, revoked");
    }

    [Fact]
    public async Task A_Good_Key_Should_Identify_Its_Partner_By_Bearer_Or_Header()
    {
        var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HyperCrmWebApplicationFactory.PartnerKey);
        var header = app.CreateClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", HyperCrmWebApplicationFactory.PartnerKey);

        foreach (var client in new[] { bearer, header })
        {
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
            me.GetProperty("partner").GetString().ShouldBe(HyperCrmWebApplicationFactory.PartnerName);
            me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe(ApiScopes.All.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_Revoked_Key_Should_Be_401_Problem()
    {
        CreatedApiKeyDto created;
        Guid partnerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var partners = scope.ServiceProvider.GetRequiredService<IPartnerAppService>();
            partnerId = (await partners.CreateAsync(new CreatePartnerDto { Name = "revoked-shop", DisplayName = "Revoked shop" })).Id;
            created = await partners.CreateKeyAsync(partnerId, new CreateApiKeyDto { Name = "old", Scopes = [ApiScopes.OrdersRead] });
        }
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.PlainKey);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = await app.SignInAsync();
        var revoke = await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Identity/Partners/Details?id={partnerId}&keyId={created.Key.Id}&handler=Revoke", new Dictionary<string, string>(),
                $"/Identity/Partners/Details?id={partnerId}");
        revoke.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await ShouldBeUnauthorizedProblemAsync(await client.GetAsync("/api/v1/me"), "unknown, revoked");
    }

    [Fact]
    public async Task A_Staff_Cookie_Should_Not_Open_The_Partner_Api()
    {
        var admin = await app.SignInAsync();

        (await admin.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_Admin_Should_Create_A_Key_In_The_Ui_That_Is_Shown_Once_And_Works()
    {
        var admin = await app.SignInAsync();
        var created = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Identity/Partners", new Dictionary<string, string>
        {
            ["Input.Name"] = "ui-shop", ["Input.DisplayName"] = "UI shop",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = created.Headers.Location!.ToString();

        var page = await HyperCrmWebApplicationFactory.PostFormAsync(admin, details + "&handler=CreateKey", new Dictionary<string, string>
        {
            ["Input.Name"] = "checkout", ["Input.Scopes"] = ApiScopes.OrdersWrite,
        }, details);
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await admin.GetStringAsync(details);
        var key = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"created-key\">([^<]+)<").Groups[1].Value;
        key.ShouldStartWith("hcrm_");
        (await admin.GetStringAsync(details)).ShouldNotContain(key);

        var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Add("X-Api-Key", key);
        var me = await partner.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("partner").GetString().ShouldBe("ui-shop");
        me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()).ShouldBe([ApiScopes.OrdersWrite]);
    }

    private static async Task ShouldBeUnauthorizedProblemAsync(HttpResponseMessage response, string detail)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        response.Headers.WwwAuthenticate.ShouldContain(h => h.Scheme == "Bearer");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(401);
        problem.GetProperty("detail").GetString()!.ShouldContain(detail);
        problem.TryGetProperty("traceId", out _).ShouldBeTrue();
    }
}

public sealed class RateLimitTests(RateLimitTests.TightlyLimitedApp app) : IClassFixture<RateLimitTests.TightlyLimitedApp>
{
    [Fact]
    public async Task Too_Many_Requests_Should_Be_429_With_Retry_After()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HyperCrmWebApplicationFactory.PartnerKey);
        for (var i = 0; i < 3; i++) (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var limited = await client.GetAsync("/api/v1/me");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Add("X-Api-Key", "another-key-gets-its-own-window");
        (await other.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public sealed class TightlyLimitedApp : HyperCrmWebApplicationFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["RateLimiting:PermitsPerMinute"] = "3" };
    }
}
