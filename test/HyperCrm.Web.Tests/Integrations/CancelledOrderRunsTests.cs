using System.Net;
using System.Net.Http.Json;
using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// An order cancelled by its partner while the playbook is fulfilling it (its pick task open at the warehouse): the
/// run about it stops with the reason, as a stop and not a failure, instead of carrying on and landing in dead letters.
/// </summary>
public sealed class CancelledOrderRunsTests(SlowWarehouseFixture app) : IClassFixture<SlowWarehouseFixture>
{
    [Fact]
    public async Task Cancelling_An_Order_Mid_Fulfilment_Should_Stop_Its_Runs_Not_Dead_Letter_Them()
    {
        var order = await app.PlaceOrderAsync("cancel-mid-1", "cancel.mid@example.com", "Отмена Посреди", "SKU-003");
        var orderId = order.GetProperty("id").GetGuid();
        await Eventually.WaitForAsync(() => app.PickTaskIdAsync(orderId), id => id is not null, TimeSpan.FromSeconds(90));

        var cancelled = await app.CreatePartnerClient().PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel",
            new { reason = "changed my mind" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        var runs = await Eventually.WaitForAsync(() => RunsAsync(orderId), r => r.Count > 0 && r.All(x => x.State is not
            (RunState.Pending or RunState.Running or RunState.Waiting)), TimeSpan.FromSeconds(60));
        runs.ShouldNotContain(r => r.State == RunState.DeadLettered);
        var stopped = runs.Where(r => r.State == RunState.Stopped).ToList();
        stopped.ShouldNotBeEmpty();
        stopped.ShouldAllBe(r => r.Reason != null && r.Reason.Contains("Sales:Run:OrderCancelled"));
        var again = await app.CreatePartnerClient().PostAsJsonAsync($"/api/v1/orders/{orderId}/cancel", new { reason = "again" });
        again.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
        (await RunsAsync(orderId)).ShouldNotContain(r => r.State == RunState.DeadLettered);
    }


    private async Task<List<(RunState State, string? Reason)>> RunsAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<AutomationDbContext>().Runs.AsNoTracking()
            .Where(r => r.SubjectId == orderId).ToListAsync();
        return runs.Select(r => (r.State, r.LastError?.ToJson())).ToList();
    }
}
