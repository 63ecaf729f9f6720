using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The sandbox supplier portal as a robot meets it: a purchase order carries the buyer's reference and the order list shows
/// it (how a robot retried after submitting finds its order instead of placing a second one); the portal can be told to
/// refuse sign-in or to change its order form, so a robot's bad day can be tested and shown.
/// </summary>
public sealed partial class SupplierPortalTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Purchase_Order_Should_Be_Listed_With_Its_Reference_And_A_Changed_Form_Should_Still_Take_Orders()
    {
        using var portal = await SignInAsync();
        var form = await portal.GetStringAsync("/sandbox/supplier/order?sku=OOS-001");
        form.ShouldContain("id=\"quantity\"");
        var placed = await SubmitAsync(portal, form, "quantity", "order-4711");
        var number = PoNumber().Match(placed).Groups[1].Value;
        number.ShouldNotBeEmpty();
        var orders = await portal.GetStringAsync("/sandbox/supplier/orders");
        orders.ShouldContain($"<td class=\"po\">{number}</td><td class=\"reference\">order-4711</td>");

        (await app.Http().PostAsJsonAsync("/sandbox/supplier/mode", new { page = "changed" })).EnsureSuccessStatusCode();
        try
        {
            var changed = await portal.GetStringAsync("/sandbox/supplier/order?sku=OOS-001");
            changed.ShouldNotContain("id=\"quantity\"", Case.Sensitive, "a robot looking for the quantity field finds none");
            changed.ShouldContain("id=\"qty\"");
            PoNumber().IsMatch(await SubmitAsync(portal, changed, "qty", "order-4712")).ShouldBeTrue("a person can still order");
        }
        finally
        {
            (await app.Http().PostAsJsonAsync("/sandbox/supplier/mode", new { page = "normal" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task A_Portal_That_Refuses_Sign_In_Should_Say_So_And_Bad_Modes_Should_Be_Refused()
    {
        (await app.Http().PostAsJsonAsync("/sandbox/supplier/mode", new { signIn = "sometimes" })).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);
        (await app.Http().PostAsJsonAsync("/sandbox/supplier/mode", new { signIn = "refuse" })).EnsureSuccessStatusCode();
        try
        {
            using var portal = Browser();
            var page = await (await portal.PostAsync("/sandbox/supplier/login", Credentials())).Content.ReadAsStringAsync();
            page.ShouldContain("Your account is locked", Case.Insensitive, page.Length > 3000 ? page[2000..3000] : page);
            (await portal.GetAsync("/sandbox/supplier/orders")).RequestMessage!.RequestUri!.AbsolutePath.ShouldBe("/sandbox/supplier/");
        }
        finally
        {
            (await app.Http().PostAsJsonAsync("/sandbox/supplier/mode", new { signIn = "accept" })).EnsureSuccessStatusCode();
        }
        using var again = await SignInAsync();
        (await again.GetStringAsync("/sandbox/supplier/orders")).ShouldContain("id=\"orders\"");
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
    {
        BaseAddress = new Uri(app.BaseUrl),
    };

    private static FormUrlEncodedContent Credentials() =>
        new(new Dictionary<string, string> { ["username"] = "buyer", ["password"] = "supplier-demo" });

    private async Task<HttpClient> SignInAsync()
    {
        var portal = Browser();
        var catalog = await (await portal.PostAsync("/sandbox/supplier/login", Credentials())).Content.ReadAsStringAsync();
        catalog.ShouldContain("id=\"catalog\"");
        return portal;
    }

    private static async Task<string> SubmitAsync(HttpClient portal, string form, string quantityField, string reference)
    {
        var token = FormToken().Match(form).Groups[1].Value;
        var response = await portal.PostAsync("/sandbox/supplier/order", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["form_token"] = token, ["sku"] = "OOS-001", [quantityField] = "3", ["reference"] = reference,
        }));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("id=\"po-number\">([^<]+)<")]
    private static partial Regex PoNumber();

    [GeneratedRegex("name=\"form_token\" value=\"([0-9a-f]+)\"")]
    private static partial Regex FormToken();
}
