using System.Net;
using System.Net.Http.Headers;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>Behind a TLS proxy: Secure __Host- cookies and HSTS; rate limits per real client address, never per made-up key.</summary>
public sealed class ProxyAndRateLimitTests(ProxiedFixture app) : IClassFixture<ProxiedFixture>
{
    [Fact]
    public async Task Behind_Tls_The_Staff_Cookie_Should_Be_Secure_And_Host_Prefixed_And_Hsts_Sent()
    {
        using var proxied = app.Forwarded("198.51.100.10", https: true);
        var signedIn = await SignInAsync(proxied, HyperCrmWebApplicationFactory.AdminPassword);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.Contains("HyperCrm.Auth", StringComparison.Ordinal));
        cookie.ShouldStartWith("__Host-HyperCrm.Auth=");
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("path=/", Case.Insensitive);
        signedIn.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();

        using var plain = app.Forwarded("198.51.100.11");
        var local = await SignInAsync(plain, HyperCrmWebApplicationFactory.AdminPassword);
        var localCookie = local.Headers.GetValues("Set-Cookie").Single(c => c.Contains("HyperCrm.Auth", StringComparison.Ordinal));
        localCookie.ShouldStartWith("HyperCrm.Auth=");
        localCookie.ShouldNotContain("secure", Case.Insensitive);
        local.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task Sign_In_Attempts_Should_Be_Limited_Per_Client_Address()
    {
        using var attacker = app.Forwarded("203.0.113.7");
        for (var i = 0; i < ProxiedFixture.SignInPerMinute; i++)
            (await SignInAsync(attacker, "wrong password " + i, "nobody@limit.test")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var limited = await SignInAsync(attacker, "wrong again", "nobody@limit.test");
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();

        using var someoneElse = app.Forwarded("203.0.113.8");
        (await SignInAsync(someoneElse, HyperCrmWebApplicationFactory.AdminPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Random_Api_Keys_Should_Share_Their_Address_Quota_While_A_Valid_Key_Keeps_Its_Own()
    {
        using var scanner = app.Forwarded("192.0.2.50");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ProxiedFixture.ApiPerMinute; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orders");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"hcrm_guess_{Guid.NewGuid():N}");
            statuses.Add((await scanner.SendAsync(request)).StatusCode);
        }
        statuses.Take(ProxiedFixture.ApiPerMinute).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);

        // The partner's own key from the same address is counted on its own.
        using var partner = new HttpRequestMessage(HttpMethod.Get, "/api/v1/orders");
        partner.Headers.Authorization = new AuthenticationHeaderValue("Bearer", HyperCrmWebApplicationFactory.PartnerKey);
        (await scanner.SendAsync(partner)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unsigned_Webhook_Floods_Should_Be_Limited_Per_Client_Address()
    {
        using var flood = app.Forwarded("192.0.2.99");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= ProxiedFixture.HooksPerMinute; i++)
            statuses.Add((await flood.PostAsync("/hooks/shop/demo/orders", new StringContent("{}", System.Text.Encoding.UTF8,
                "application/json"))).StatusCode);
        statuses.Take(ProxiedFixture.HooksPerMinute).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string password,
        string email = HyperCrmWebApplicationFactory.AdminEmail) =>
        await HyperCrmWebApplicationFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
