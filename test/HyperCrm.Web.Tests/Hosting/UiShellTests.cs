using System.Net;
using System.Text.RegularExpressions;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Ui;
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

    [Fact]
    public void Links_Are_The_Web_Layers_Each_Module_Saying_Where_Its_Pages_Are()
    {
        var links = app.Services.GetRequiredService<LinkResolver>();
        var id = Guid.NewGuid();

        links.LinkTo("order", id).ShouldBe($"/Orders/Details?id={id}");
        links.LinkTo("deal", id).ShouldBe($"/Deals/Details?id={id}");
        links.LinkTo("customer", id).ShouldBe($"/Customers/Details?id={id}");
        links.LinkTo("approval", id).ShouldBe("/Work/Approvals");
        links.LinkTo("spaceship", id).ShouldBeNull();
        links.LinkTo(null, id).ShouldBeNull();
    }

    [Fact]
    public async Task A_Customers_Timeline_Links_Each_Entry_To_Its_Page()
    {
        var order = await app.PlaceOrderAsync("timeline-link-1", "timeline.link@example.com", "Timeline Link");
        var orderId = order.GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();
        var customerId = order.GetProperty("customerId").GetGuid();

        var page = await Eventually.WaitForAsync(() => staff.GetStringAsync($"/Customers/Details?id={customerId}"),
            html => Timeline(html).Contains($"href=\"/Orders/Details?id={orderId}\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        Timeline(page).ShouldContain($"href=\"/Orders/Details?id={orderId}\"");

        static string Timeline(string html) => html[html.IndexOf("data-testid=\"customer-timeline\"", StringComparison.Ordinal)..];
    }

    [Fact]
    public async Task Moments_Are_Shown_In_The_Company_Time_Zone_With_The_Full_Moment_On_Hover()
    {
        var admin = await app.SignInAsync();

        var users = WebUtility.HtmlDecode(await admin.GetStringAsync("/Identity/Users"));

        // The admin has just signed in: the last sign-in is a <time> in Europe/Moscow, the platform's default zone.
        users.ShouldContain("<time datetime=\"");
        users.ShouldContain("(Europe/Moscow, UTC+03:00)");
    }

    private async Task<Guid> AnyRuleIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IRuleAppService>().GetListAsync())[0].Id;
    }

    [GeneratedRegex(@"(?:href|src)=""(?<url>/_content/[^""]+)""")]
    private static partial Regex AssetLink();
}
