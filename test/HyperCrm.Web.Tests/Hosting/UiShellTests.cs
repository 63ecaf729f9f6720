using System.Net;
using System.Text.RegularExpressions;
using HyperCrm.Automation.Rules;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>The pages are drawn in the Razor UI shell, whose static files (and each module's own scripts) are served.</summary>
public sealed partial class UiShellTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Theory]
    [InlineData("/", "/_content/HyperCrm.RazorUi/lib/htmx/htmx.min.js")]
    [InlineData("/Account/Login", "/_content/HyperCrm.RazorUi/css/site.css")]
    [InlineData("/Deals", "/_content/HyperCrm.Sales.Web/js/board.js")]
    [InlineData("rule-editor", "/_content/HyperCrm.Automation.Web/js/automation.js")]
    public async Task Every_Script_And_Stylesheet_A_Page_Links_Should_Be_Served(string page, string expected)
    {
        var admin = await app.SignInAsync();
        if (page == "rule-editor") page = $"/Settings/Automation/Edit?id={await AnyRuleIdAsync()}";
        var html = await admin.GetStringAsync(page);

        var assets = AssetLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Distinct().ToList();

        assets.ShouldContain(a => a.StartsWith("/_content/HyperCrm.RazorUi/lib/bootstrap/bootstrap.min.css", StringComparison.Ordinal));
        assets.ShouldContain(a => a.StartsWith(expected, StringComparison.Ordinal));
        var anonymous = app.CreateClient();
        foreach (var asset in assets)
        {
            var response = await anonymous.GetAsync(asset);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            response.Content.Headers.ContentType!.MediaType.ShouldBeOneOf("text/css", "text/javascript", "application/javascript");
        }
    }

    [Fact]
    public async Task The_Language_Switch_Should_Come_Back_To_The_Same_Page()
    {
        var admin = await app.SignInAsync();

        var html = await admin.GetStringAsync("/Orders?status=picking");

        html.ShouldContain("href=\"/culture/ru?returnUrl=%2FOrders%3Fstatus%3Dpicking\"");
        html.ShouldContain("data-testid=\"lang-en\"");
    }

    private async Task<Guid> AnyRuleIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IRuleAppService>().GetListAsync())[0].Id;
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>/_content/[^""]+)""")]
    private static partial Regex AssetLink();
}
