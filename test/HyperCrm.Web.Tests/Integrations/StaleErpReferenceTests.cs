using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The ERP forgets a counterparty it gave us (here: the sandbox is reset, as a restore from an old backup would do). The
/// customer's next order does not dead-letter: the counterparty is made again once, the order carries on, and the run log
/// says what happened.
/// </summary>
public sealed class StaleErpReferenceTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_Counterparty_The_Erp_Forgot_Should_Be_Made_Again_And_The_Order_Carry_On()
    {
        using var http = app.Http();
        var first = await PlaceAsync(http, "stale-1");
        await Eventually.WaitForAsync(() => StatusAsync(first), s => s >= OrderStatus.Shipped, TimeSpan.FromSeconds(90));
        (await http.PostAsync("/sandbox/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var second = await PlaceAsync(http, "stale-2");

        (await Eventually.WaitForAsync(() => StatusAsync(second), s => s >= OrderStatus.Shipped, TimeSpan.FromSeconds(90)))
            .ShouldBeOneOf(OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed);
        var ledger = await app.LedgerAsync("erp");
        ledger.Count(e => e!["operation"]!.GetValue<string>() == "counterparty.create").ShouldBe(1);
        ledger.Count(e => e!["operation"]!.GetValue<string>() == "customer_order.create"
            && e["reference"]?.GetValue<string>() == second.ToString()).ShouldBe(1);
        var reasons = await ReasonsAsync(second);
        reasons.ShouldContain(r => r.Contains("Integrations:Run:ErpOrderCreatedHealed", StringComparison.Ordinal));
    }

    private static async Task<Guid> PlaceAsync(HttpClient http, string externalId)
    {
        var placed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody(externalId,
            "stale.erp@example.com"), SandboxFixture.ShopSecret));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        return (await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<OrderStatus> StatusAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!.Status;
    }

    private async Task<List<string>> ReasonsAsync(Guid orderId)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT s.reason::text FROM automation.run_steps s JOIN automation.runs r ON " +
            "r.id = s.run_id WHERE r.subject_id = $1 AND s.reason IS NOT NULL", connection);
        command.Parameters.AddWithValue(orderId);
        var reasons = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) reasons.Add(reader.GetString(0));
        return reasons;
    }
}
