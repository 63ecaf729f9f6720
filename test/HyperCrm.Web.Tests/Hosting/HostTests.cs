using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

public sealed class HostTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task Health_Should_Report_Live_And_Ready()
    {
        var client = app.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("ready");
    }

    [Fact]
    public async Task OpenApi_Should_Describe_The_Public_Api_And_The_Reference_Should_Render()
    {
        var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        document.GetProperty("info").GetProperty("title").GetString().ShouldBe("HyperCrm public API");
        document.GetProperty("paths").TryGetProperty("/api/v1/me", out _).ShouldBeTrue();
        document.GetProperty("paths").TryGetProperty("/health/ready", out _).ShouldBeFalse();
        document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString()
            .ShouldBe("bearer");

        // Every API operation names its key, its scope errors and the rate limit; bodies carry examples.
        var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()).Select(o => o.Value).ToList();
        operations.Count.ShouldBeGreaterThan(10);
        foreach (var operation in operations)
        {
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            responses.ShouldContain("401");
            responses.ShouldContain("429");
            operation.TryGetProperty("security", out _).ShouldBeTrue();
        }
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var orderExample = schemas.GetProperty("CreateOrderDto").GetProperty("examples")[0];
        orderExample.GetProperty("lines")[0].GetProperty("sku").GetString().ShouldBe("SKU-001");
        orderExample.GetProperty("paymentMethod").GetString().ShouldBe("card");
        foreach (var name in new[] { "OrderDto", "CreateCustomerDto", "PartnerCustomerDto", "CreateDealDto", "DealDto", "ProductDto" })
            schemas.GetProperty(name).TryGetProperty("examples", out _).ShouldBeTrue(name);

        var docs = await client.GetAsync("/api/docs");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("HyperCrm API");
    }

    [Fact]
    public async Task Pages_Should_Send_Security_Headers()
    {
        var response = await app.CreateClient().GetAsync("/Account/Login");

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }

    [Fact]
    public async Task Anonymous_Visitors_Should_Be_Sent_To_Sign_In()
    {
        var response = await app.CreateBrowserClient().GetAsync("/Identity/Users");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login?ReturnUrl=%2FIdentity%2FUsers");
    }

    [Fact]
    public async Task Unknown_Api_Paths_Should_Answer_A_Problem_And_Unknown_Pages_A_Friendly_Page()
    {
        var client = await app.SignInAsync();
        var partner = app.CreateClient();
        partner.DefaultRequestHeaders.Add("X-Api-Key", HyperCrmWebApplicationFactory.PartnerKey);

        var api = await partner.GetAsync("/api/v1/no-such-thing");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/api/v1/no-such-thing")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var page = await client.GetAsync("/no-such-page");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("The page you asked for does not exist.");
    }

    [Fact]
    public async Task Oversized_Bodies_Should_Be_Refused_With_413_Problem()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", HyperCrmWebApplicationFactory.PartnerKey);

        var response = await client.PostAsync("/api/v1/me", new ByteArrayContent(new byte[(1024 * 1024) + 1]));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Common:BodyTooLarge");
    }

    [Fact]
    public async Task The_Language_Switch_Should_Turn_The_Ui_Russian()
    {
        var client = app.CreateBrowserClient();

        var switched = await client.GetAsync("/culture/ru?returnUrl=/Account/Login");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.Location!.ToString().ShouldBe("/Account/Login");
        (await client.GetStringAsync("/Account/Login")).ShouldContain("Вход в HyperCrm");

        var external = await client.GetAsync("/culture/en?returnUrl=https://evil.example/");
        external.Headers.Location!.ToString().ShouldBe("/");
        (await client.GetStringAsync("/Account/Login")).ShouldContain("Sign in to HyperCrm");
    }

    [Fact]
    public async Task Signed_In_Admin_Should_See_The_Menu_Of_Every_Module()
    {
        var client = await app.SignInAsync();

        var home = await client.GetStringAsync("/");

        home.ShouldContain("data-menu=\"Identity.Users\"");
        home.ShouldContain("data-menu=\"Settings\"");
        home.ShouldContain("IdentityWebModule");
    }
}

/// <summary>The app on a database nobody migrated: it must say so, not serve.</summary>
public sealed class UnmigratedHostTests(UnmigratedHostTests.UnmigratedApp app) : IClassFixture<UnmigratedHostTests.UnmigratedApp>
{
    [Fact]
    public async Task Ready_Should_Be_503_With_The_Pending_Migrations_Named()
    {
        var client = app.CreateClient();

        var ready = await Eventually.WaitForAsync(async () => await (await client.GetAsync("/health/ready")).Content.ReadAsStringAsync(),
            body => body.Contains("pending", StringComparison.Ordinal));

        ready.ShouldContain("Initial");
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var api = await client.GetAsync("/api/v1/me");
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await api.Content.ReadAsStringAsync()).ShouldContain("--migrate");
        var page = await client.GetAsync("/Account/Login");
        page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await page.Content.ReadAsStringAsync()).ShouldContain("HyperCrm is not ready yet");
    }

    public sealed class UnmigratedApp : HyperCrmWebApplicationFactory
    {
        protected override bool MigratedDatabase => false;
    }
}
