using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using HyperCrm.Intelligence;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// Customer segments: each order moves its customer (new → repeat → VIP) with why in words, shown on the customer page,
/// filterable in the list, on the order in the API and in rules (the playbook's VIP rule fires on a VIP's next order);
/// thresholds from Settings → AI are checked, audited, and a recompute of everyone applies them at once.
/// </summary>
public sealed class SegmentTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task Orders_Should_Move_A_Customer_To_Repeat_And_Vip_And_Thresholds_Should_Move_Them_Back()
    {
        await InScopeAsync(s => s.SaveThresholdsAsync(new SegmentThresholdsDto
        {
            VipSpent = 5_000m, VipOrders = 50, RepeatOrders = 2, WindowDays = 365,
        }));

        var first = await PlaceAsync("seg-1", 1_000m);
        var customerId = first.GetProperty("customerId").GetGuid();
        await WaitForSegmentAsync(customerId, "New");
        await PlaceAsync("seg-2", 1_000m);
        await WaitForSegmentAsync(customerId, "Repeat");
        await PlaceAsync("seg-3", 3_500m);
        await WaitForSegmentAsync(customerId, "Vip");

        using var staff = await app.SignInAsync();
        var page = await staff.GetStringAsync($"/Customers/Details?id={customerId}");
        page.ShouldContain("data-testid=\"customer-segment\"");
        page.ShouldContain("VIP: spent 5,500 in the last 365 days (VIP from 5,000)");
        (await staff.GetStringAsync("/Customers?segment=Vip")).ShouldContain(customerId.ToString());
        (await staff.GetStringAsync("/Customers?segment=New")).ShouldNotContain(customerId.ToString());

        // The next order is a VIP's: the API says so, and the playbook's VIP rule takes it.
        var fourth = await PlaceAsync("seg-4", 500m);
        var orderId = fourth.GetProperty("id").GetGuid();
        var order = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}");
        order.GetProperty("segment").GetString().ShouldBe("vip");
        var run = await Eventually.WaitForAsync(() => VipRunAsync(orderId), r => r is not null, TimeSpan.FromSeconds(60));
        run!.RuleName.ShouldBe("VIP orders: the customer's manager calls");

        // Raised thresholds apply to everyone at once on request; the change and the pass are audited.
        await InScopeAsync(s => s.SaveThresholdsAsync(new SegmentThresholdsDto
        {
            VipSpent = 1_000_000m, VipOrders = 50, RepeatOrders = 2, WindowDays = 365,
        }));
        (await InScopeAsync(s => s.RecomputeAllAsync())).ShouldBeGreaterThanOrEqualTo(1);
        await WaitForSegmentAsync(customerId, "Repeat");
        (await ScalarAsync("SELECT count(*) FROM identity.security_audit_log WHERE action LIKE 'ai.segments.%'"))
            .ShouldBeGreaterThanOrEqualTo(3);
        var timeline = await staff.GetStringAsync($"/Customers/Details?id={customerId}");
        timeline.ShouldContain("repeat customer: 4 orders");
    }

    [Fact]
    public async Task Thresholds_That_Make_No_Sense_Should_Be_Refused_Naming_The_Field()
    {
        var refused = await Should.ThrowAsync<BusinessException>(() => InScopeAsync(s => s.SaveThresholdsAsync(new SegmentThresholdsDto
        {
            VipSpent = 0m, VipOrders = 10, RepeatOrders = 1, WindowDays = 365,
        })));
        var errors = (IReadOnlyDictionary<string, string[]>)refused.Details["errors"]!;
        errors.Keys.ShouldBe(["VipSpent", "RepeatOrders"], ignoreOrder: true);

        using var staff = await app.SignInAsync();
        var response = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Settings/Ai?handler=Thresholds",
            new Dictionary<string, string>
            {
                ["Thresholds.VipSpent"] = "100000", ["Thresholds.VipOrders"] = "10", ["Thresholds.RepeatOrders"] = "2",
                ["Thresholds.WindowDays"] = "99999",
            }, "/Settings/Ai");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The window is 1 to 3650 days.");
    }

    private async Task<JsonElement> PlaceAsync(string externalId, decimal price)
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId, currency = "RUB", paymentMethod = "cash",
            customer = new { email = "segments@example.com", phone = "+79161112233", name = "Сегментов Клиент" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" },
            lines = new[] { new { sku = "SKU-002", quantity = 1, unitPrice = price } },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task WaitForSegmentAsync(Guid customerId, string segment) =>
        await Eventually.WaitForAsync(() => app.ScalarAsync($"SELECT segment FROM customers.customers WHERE id = '{customerId}'"),
            s => s as string == segment, TimeSpan.FromSeconds(60));

    private async Task<RunListItemDto?> VipRunAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<IRunAppService>()
            .GetListAsync(new GetRunListInput { SubjectId = orderId });
        return runs.Items.FirstOrDefault(r => r.RuleName.StartsWith("VIP orders", StringComparison.Ordinal));
    }

    private async Task<T> InScopeAsync<T>(Func<ISegmentAppService, Task<T>> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<ISegmentAppService>());
    }

    private async Task InScopeAsync(Func<ISegmentAppService, Task> call)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<ISegmentAppService>());
    }

    private async Task<long> ScalarAsync(string sql) =>
        Convert.ToInt64(await app.ScalarAsync(sql), System.Globalization.CultureInfo.InvariantCulture);
}
