using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperCrm.Sandbox;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>A warehouse that takes its time: pick tasks stay open, so the test can make the WMS forget one.</summary>
public sealed class SlowWarehouseFixture : SandboxFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(base.ExtraSettings)
    {
        ["Sandbox:Wms:PickAfterSeconds"] = "3600",
    };
}

/// <summary>
/// The WMS forgets a pick task the CRM is waiting on (404 when asked about it): the poller sends the task again once,
/// under a key derived from the forgotten id, and goes on asking about the new one.
/// </summary>
public sealed class ForgottenPickTaskTests(SlowWarehouseFixture app) : IClassFixture<SlowWarehouseFixture>
{
    [Fact]
    public async Task A_Pick_Task_The_Wms_Forgot_Should_Be_Sent_Again_Once()
    {
        using var http = app.Http();
        var placed = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", SandboxFixture.OrderBody("forgotten-pick-1",
            "forgotten.pick@example.com"), SandboxFixture.ShopSecret));
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var first = await Eventually.WaitForAsync(() => app.PickTaskIdAsync(orderId), id => id is not null, TimeSpan.FromSeconds(90));
        first.ShouldNotBeNull();

        app.Services.GetRequiredService<SandboxWorld>().PickTasks.TryRemove(Guid.Parse(first), out _).ShouldBeTrue();

        var second = await Eventually.WaitForAsync(() => app.PickTaskIdAsync(orderId), id => id is not null && id != first,
            TimeSpan.FromSeconds(60));
        second.ShouldNotBe(first);
        var sent = (await app.LedgerAsync("wms")).Where(e => e!["operation"]!.GetValue<string>() == "pick_task.create"
            && e["reference"]?.GetValue<string>() == orderId.ToString()).ToList();
        sent.Count.ShouldBe(2);
        sent[1]!["idempotencyKey"]!.GetValue<string>().ShouldBe($"pick:{orderId:N}:after:{first}");
    }

}
