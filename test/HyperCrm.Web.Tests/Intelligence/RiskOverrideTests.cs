using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// From a scored order's page a support user overrides the model with a reason: the decision is audited, on the order's
/// history, and a label the next training learns from; without a reason nothing is recorded and the page says why.
/// </summary>
public sealed class RiskOverrideTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Support_User_Should_Override_The_Model_From_The_Order_Page_With_A_Reason()
    {
        var placed = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "override-1", currency = "RUB", paymentMethod = "invoice",
            customer = new { email = "override.buyer@example.com", name = "Переопределён Покупатель" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-006", quantity = 1, unitPrice = 1_990m } },
        });
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.WaitForAsync(() => app.ScalarAsync($"SELECT risk_score FROM sales.orders WHERE id = '{orderId}'"),
            s => s is decimal, TimeSpan.FromSeconds(60));

        var support = await app.SignInAsStaffAsync("support.override@example.com", "support");
        var page = await support.GetStringAsync($"/Orders/Details?id={orderId}");
        page.ShouldContain("data-testid=\"risk-override\"");

        var noReason = await HyperCrmWebApplicationFactory.PostFormAsync(support, "/Ai/Decide", new Dictionary<string, string>
        {
            ["orderId"] = orderId.ToString(), ["fraud"] = "true", ["reason"] = " ", ["returnUrl"] = $"/Orders/Details?id={orderId}",
        }, $"/Orders/Details?id={orderId}");
        noReason.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await support.GetStringAsync($"/Orders/Details?id={orderId}")).ShouldContain("Say why");
        (await app.ScalarAsync($"SELECT count(*) FROM intelligence.risk_labels WHERE order_id = '{orderId}'")).ShouldBe(0L);

        var decided = await HyperCrmWebApplicationFactory.PostFormAsync(support, "/Ai/Decide", new Dictionary<string, string>
        {
            ["orderId"] = orderId.ToString(), ["fraud"] = "true", ["reason"] = "the card holder called: not their order",
            ["returnUrl"] = "https://evil.example/steal",
        }, $"/Orders/Details?id={orderId}");
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        decided.Headers.Location!.ToString().ShouldBe($"/Orders/Details?id={orderId}", "never away from the CRM");
        (await app.ScalarAsync($"SELECT fraud::text || ' ' || decided_by FROM intelligence.risk_labels WHERE order_id = '{orderId}'"))
            .ShouldBe("true support.override@example.com");
        (await app.ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE action = 'ai.risk.overridden'")).ShouldBe(1L);
        var steps = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}/timeline");
        steps.EnumerateArray().ShouldContain(s => s.GetProperty("what").GetString() == "risk.decided"
            && s.GetProperty("actor").GetString() == "human");

        var sales = await app.SignInAsStaffAsync("sales.override@example.com", "sales");
        (await sales.GetStringAsync($"/Orders/Details?id={orderId}")).ShouldNotContain("data-testid=\"risk-override\"");
    }
}
