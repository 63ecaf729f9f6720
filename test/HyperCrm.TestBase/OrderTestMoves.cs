using HyperCrm.Customers.Timeline;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.TestBase;

/// <summary>
/// Moves an order the way the automation does (reserve, pick, ship…), for tests that need an order in a given status
/// without running the fulfilment rules. People's moves go through <c>IOrderAppService.MoveAsync</c>.
/// </summary>
public static class OrderTestMoves
{
    public static readonly Actor TestRule = new(ActorKind.Rule, "test");

    public static async Task MoveAsync(IServiceProvider services, Guid orderId, Action<Order, Actor, DateTimeOffset> move)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(move);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalesDbContext>();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        move(order, TestRule, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>New → Reserved → Picking → Shipped with a test tracking number.</summary>
    public static Task ShipAsync(IServiceProvider services, Guid orderId) => MoveAsync(services, orderId, (order, actor, now) =>
    {
        order.Reserve(actor, "reserved", now);
        order.StartPicking(actor, null, now);
        order.Ship("TRK-TEST-" + orderId.ToString("N")[..8], actor, now);
    });
}
