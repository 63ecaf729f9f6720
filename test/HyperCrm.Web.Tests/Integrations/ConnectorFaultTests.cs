using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.Automation.Rules;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>Connector failure modes: the ERP down for 30 s mid-scenario, a slow courier. Runs retry; nothing is done twice.</summary>
public sealed class ConnectorFaultTests(FaultySandboxFixture app) : IClassFixture<FaultySandboxFixture>
{
    [Fact]
    public async Task The_Erp_Failing_For_30_Seconds_Should_Delay_The_Order_Not_Duplicate_It()
    {
        await app.FaultAsync("erp", "fail", 30);
        var orderId = await PlaceAsync("erp-down-1", "erp.down@example.com");

        // While the ERP is down the run retries with backoff, its failures in the step log.
        var retrying = await Eventually.WaitForAsync(() => RunOfAsync(orderId),
            r => r?.Steps.Any(s => s.State == StepState.Retrying) == true, TimeSpan.FromSeconds(30));
        retrying!.Steps.ShouldContain(s => s.State == StepState.Retrying && s.Action == "erp.create_customer_order");

        var order = await Eventually.WaitForAsync(() => OrderAsync(orderId), o => o.Status == OrderStatus.Completed,
            TimeSpan.FromMinutes(3));
        order.Status.ShouldBe(OrderStatus.Completed);
        (await app.CountAsync("erp", "customer_order.create", orderId)).ShouldBe(1);
        (await app.CountAsync("erp", "stock.reserve", orderId)).ShouldBe(1);
        (await app.CountAsync("courier", "shipment.create", orderId)).ShouldBe(1);
        (await app.CountAsync("sms", "message.send", orderId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_Slow_Courier_Should_Time_Out_And_Retry_Yet_Book_One_Shipment()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var connectors = scope.ServiceProvider.GetRequiredService<IConnectorAppService>();
            var courier = await connectors.GetAsync(ConnectorNames.Courier);
            await connectors.UpdateAsync(ConnectorNames.Courier, new UpdateConnectorDto { BaseUrl = courier.BaseUrl, TimeoutSeconds = 1 });
        }
        // The courier stays slow (2 s against a 1 s timeout) until the run has timed out on it and is retrying; only
        // then does it recover, so the test does not depend on how fast the earlier steps reach the courier.
        await app.FaultAsync("courier", "slow", 300, delaySeconds: 2);
        var orderId = await PlaceAsync("courier-slow-1", "courier.slow@example.com");
        var retrying = await Eventually.WaitForAsync(() => RunOfAsync(orderId),
            r => r?.Steps.Any(s => s.State == StepState.Retrying
                && s.Action == "courier.create_shipment") == true, TimeSpan.FromMinutes(2));
        retrying!.Steps.ShouldContain(s => s.State == StepState.Retrying && s.Action == "courier.create_shipment");
        await app.FaultAsync("courier", "ok", 0);

        var order = await Eventually.WaitForAsync(() => OrderAsync(orderId),
            o => o.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Completed,
            TimeSpan.FromMinutes(2));
        order.TrackingNumber.ShouldNotBeNullOrWhiteSpace();
        (await app.CountAsync("courier", "shipment.create", orderId)).ShouldBe(1);
        await using var check = app.Services.CreateAsyncScope();
        var health = check.ServiceProvider.GetRequiredService<IConnectorAppService>().GetHealth().Single(h =>
            h.Name == ConnectorNames.Courier);
        health.Failures.ShouldBeGreaterThan(0);
        health.LastError.ShouldNotBeNull();
    }

    private async Task<Guid> PlaceAsync(string externalId, string email)
    {
        using var http = app.Http();
        var response = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody(externalId, email,
            "SKU-020"), SandboxFixture.ShopSecret));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<OrderDto> OrderAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(id))!;
    }

    private async Task<RunDto?> RunOfAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<IRunAppService>();
        var page = await runs.GetListAsync(new GetRunListInput { SubjectId = orderId });
        var fulfil = page.Items.FirstOrDefault(r => r.RuleName.StartsWith("Orders go to the ERP", StringComparison.Ordinal));
        return fulfil is null ? null : await runs.GetAsync(fulfil.Id);
    }
}
