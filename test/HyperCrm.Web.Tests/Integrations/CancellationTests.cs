using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// A card order cancelled by its partner at each stage of the playbook's fulfilment (the warehouse never picks on its own
/// here): the run about it stops with the reason, as a stop and not a failure, and the playbook undoes in the outside
/// systems exactly what it had done there, last first, once each (the card authorization is voided, as nothing was
/// captured); a second cancel changes nothing.
/// </summary>
public sealed class CancellationTests(SlowWarehouseFixture app) : IClassFixture<SlowWarehouseFixture>
{
    private static readonly string[] Undoes = ["courier:shipment.cancel", "wms:pick_task.cancel", "wms:pick_task.restock",
        "erp:stock.release", "erp:customer_order.close", "payments:payment.void"];

    [Fact]
    public async Task Cancelling_While_Picking_Should_Cancel_The_Pick_Task_Release_The_Reserve_And_Close_The_Erp_Order()
    {
        var orderId = (await app.PlaceOrderAsync("cancel-picking", "cancel.picking@example.com", "Отмена Сборки", "SKU-003"))
            .GetProperty("id").GetGuid();
        await Eventually.WaitForAsync(() => app.PickTaskIdAsync(orderId), id => id is not null, TimeSpan.FromSeconds(90));
        var reservedBefore = (await app.ErpStockAsync("SKU-003")).Reserved;

        await CancelAsync(orderId);

        var runs = await SettledRunsAsync(orderId);
        NoDeadLetters(runs);
        var fulfilment = runs.Single(r => r.Steps.Any(s => s.Kind == "compensate"));
        fulfilment.State.ShouldBe(RunState.Stopped);
        fulfilment.Reason.ShouldNotBeNull().ShouldContain("Sales:Run:OrderCancelled");
        // Last done, first undone: the pick task, then the reserve, then the ERP order, then the card authorization.
        fulfilment.Steps.Where(s => s.Kind == "compensate").Select(s => (s.StepId, s.Action)).ShouldBe(
        [
            ("pick", "wms.cancel_pick_task"), ("reserve", "erp.release_stock"), ("erp", "erp.close_customer_order"),
            ("pay", "payments.void"),
        ]);
        (await UndoneAsync(orderId)).ShouldBe(["erp:customer_order.close", "erp:stock.release", "wms:pick_task.cancel",
            "payments:payment.void"], ignoreOrder: true);
        (await app.ErpStockAsync("SKU-003")).Reserved.ShouldBe(reservedBefore - 1);

        // Each undo is on the order's timeline, by the rule that did it.
        var timeline = await TimelineAsync(orderId);
        foreach (var action in new[] { "wms.cancel_pick_task", "erp.release_stock", "erp.close_customer_order" })
            timeline.ShouldContain(s => s.What == action && s.Actor == "rule" && !string.IsNullOrEmpty(s.ActorName));

        // A second cancel is a no-op: still cancelled, no second status change (so no event for anything to react to).
        await CancelAsync(orderId);
        (await TimelineAsync(orderId)).Count(s => s.What == "status.cancelled").ShouldBe(1);
        (await UndoneAsync(orderId)).Count.ShouldBe(4);
    }

    [Fact]
    public async Task Cancelling_A_Reserved_Order_Should_Release_The_Reserve_And_Close_The_Erp_Order_Only()
    {
        await app.FaultAsync("wms", "fail", 600);
        try
        {
            var orderId = (await app.PlaceOrderAsync("cancel-reserved", "cancel.reserved@example.com", "Отмена Резерва", "SKU-004"))
                .GetProperty("id").GetGuid();
            await Eventually.WaitForAsync(() => app.CountAsync("erp", "stock.reserve", orderId), n => n == 1,
                TimeSpan.FromSeconds(90));

            await CancelAsync(orderId);

            var runs = await SettledRunsAsync(orderId);
            NoDeadLetters(runs);
            (await UndoneAsync(orderId)).ShouldBe(["erp:customer_order.close", "erp:stock.release", "payments:payment.void"],
                ignoreOrder: true);
            (await app.CountAsync("wms", "pick_task.create", orderId)).ShouldBe(0);
        }
        finally
        {
            await app.FaultAsync("wms", "ok", 0);
        }
    }

    [Fact]
    public async Task Cancelling_A_New_Order_Before_The_Erp_Answered_Should_Only_Void_The_Card()
    {
        await app.FaultAsync("erp", "fail", 600);
        try
        {
            var orderId = (await app.PlaceOrderAsync("cancel-new", "cancel.new@example.com", "Отмена Нового", "SKU-005"))
                .GetProperty("id").GetGuid();
            await Eventually.WaitForAsync(() => RunsAsync(orderId), r => r.Any(x => x.Steps.Any(s => s.State == StepState.Retrying)),
                TimeSpan.FromSeconds(60));

            await CancelAsync(orderId);

            var runs = await SettledRunsAsync(orderId);
            NoDeadLetters(runs);
            runs.ShouldContain(r => r.State == RunState.Stopped);
            runs.SelectMany(r => r.Steps).Where(s => s.Kind == "compensate").Select(s => s.StepId).ShouldBe(["pay"]);
            (await UndoneAsync(orderId)).ShouldBe(["payments:payment.void"]);
            (await app.LedgerAsync("erp")).Count(e => e!["reference"]?.GetValue<string>() == orderId.ToString()).ShouldBe(0);
        }
        finally
        {
            await app.FaultAsync("erp", "ok", 0);
        }
    }

    private async Task CancelAsync(Guid orderId)
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel",
            new { reason = "changed my mind" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("cancelled");
    }

    /// <summary>The undoing operations the simulators' ledgers hold for the order, as "service:operation".</summary>
    private async Task<List<string>> UndoneAsync(Guid orderId)
    {
        var found = new List<string>();
        foreach (var service in new[] { "erp", "wms", "courier", "payments" })
        {
            found.AddRange((await app.LedgerAsync(service))
                .Where(e => e!["reference"]?.GetValue<string>() == orderId.ToString())
                .Select(e => $"{service}:{e!["operation"]!.GetValue<string>()}")
                .Where(Undoes.Contains));
        }
        return found;
    }

    private async Task<List<(string What, string Actor, string? ActorName)>> TimelineAsync(Guid orderId)
    {
        var steps = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}/timeline");
        return steps.EnumerateArray().Select(s => (s.GetProperty("what").GetString()!, s.GetProperty("actor").GetString()!,
            s.TryGetProperty("actorName", out var name) ? name.GetString() : null)).ToList();
    }

    private sealed record RunView(RunState State, string? Reason,
        List<(string StepId, string Kind, string? Action, StepState State)> Steps);

    /// <summary>The order's runs once none is still going (or undoing).</summary>
    /// <summary>No run dead-lettered; a failure names each one's error and steps, so a rare one can be told apart.</summary>
    private static void NoDeadLetters(List<RunView> runs) =>
        runs.Where(r => r.State == RunState.DeadLettered).Select(r => $"{r.Reason} | {string.Join(" → ", r.Steps)}").ShouldBeEmpty();

    private Task<List<RunView>> SettledRunsAsync(Guid orderId) =>
        Eventually.WaitForAsync(() => RunsAsync(orderId), r => r.Count > 0 && r.All(x => x.State is not
            (RunState.Pending or RunState.Running or RunState.Waiting or RunState.Compensating)), TimeSpan.FromSeconds(90));

    private async Task<List<RunView>> RunsAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutomationDbContext>();
        var runs = await db.Runs.AsNoTracking().Where(r => r.SubjectId == orderId).ToListAsync();
        var ids = runs.Select(r => r.Id).ToList();
        var steps = (await db.RunSteps.AsNoTracking().Where(s => ids.Contains(s.RunId)).OrderBy(s => s.Seq).ToListAsync())
            .ToLookup(s => s.RunId);
        return runs.Select(r => new RunView(r.State, r.LastError?.ToJson(),
            steps[r.Id].Select(s => (s.StepId, s.Kind, s.Action, s.State)).ToList())).ToList();
    }
}
