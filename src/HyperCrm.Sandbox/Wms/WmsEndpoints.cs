using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>The warehouse simulator: pick tasks that are picked a while after they are created.</summary>
internal static class WmsEndpoints
{
    public static void Map(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        var wms = sandbox.MapGroup("/wms");
        wms.MapGet("/health", async (HttpContext http,
            SandboxWorld world) => await world.Wms.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
        wms.MapPost("/pick-tasks", (PickTaskInput input, HttpContext http, SandboxWorld world) => world.Wms.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Reference) || input.Lines is not { Count: > 0 })
                return Task.FromResult(Results.Problem("A pick task needs a reference and lines.", statusCode: 400));
            var now = world.Clock.GetUtcNow();
            var task = new PickTask(Guid.NewGuid(), input.Reference, [.. input.Lines.Select(l => new ErpLine(l.Sku, l.Quantity, 0))], now,
                now.AddSeconds(world.PickAfterSeconds ?? options.CurrentValue.Wms.PickAfterSeconds));
            world.Save(task);
            var body = PickTaskBody(task, now);
            world.Wms.Record("pick_task.create", SimulatorRequest.Reference(http) ?? input.Reference, SimulatorRequest.IdempotencyKey(http),
                body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));
        // Cancelling an open task stops the picking; a picked one is put back on the shelves. Either happens once.
        wms.MapPost("/pick-tasks/{id:guid}/cancel", (Guid id, HttpContext http, SandboxWorld world) => world.Wms.WriteAsync(http, () =>
        {
            if (!world.PickTasks.TryGetValue(id, out var task))
                return Task.FromResult(Results.Problem($"Pick task {id} does not exist.", statusCode: 404));
            var now = world.Clock.GetUtcNow();
            if (task.CancelledAt is null && task.RestockedAt is null)
            {
                var picked = now >= task.PickedAt;
                if (picked) task.RestockedAt = now;
                else task.CancelledAt = now;
                world.Save(task);
                world.Wms.Record(picked ? "pick_task.restock" : "pick_task.cancel", SimulatorRequest.Reference(http) ?? task.Reference,
                    SimulatorRequest.IdempotencyKey(http), PickTaskBody(task, now));
            }
            return Task.FromResult(Results.Json(PickTaskBody(task, now)));
        }));
        // For tests and demos: how long picking takes from now on (null: as configured), e.g. to cancel an order mid-picking.
        wms.MapPost("/pick-after", (PickAfterInput input, SandboxWorld world) =>
        {
            if (input.Seconds is < 0 or > 86400) return Results.Problem("seconds must be 0 to 86400, or null.", statusCode: 400);
            world.PickAfterSeconds = input.Seconds;
            return Results.Ok(new { seconds = input.Seconds });
        });
        wms.MapGet("/pick-tasks/{id:guid}", async (Guid id, HttpContext http, SandboxWorld world) =>
        {
            if (await world.Wms.FaultAsync(http) is { } failed) return failed;
            return world.PickTasks.TryGetValue(id, out var task)
                ? Results.Json(PickTaskBody(task, world.Clock.GetUtcNow()))
                : Results.Problem($"Pick task {id} does not exist.", statusCode: 404);
        });
    }

    private static object PickTaskBody(PickTask task, DateTimeOffset now) => new
    {
        id = task.Id,
        reference = task.Reference,
        status = task.StatusAt(now),
        createdAt = task.CreatedAt,
        pickedAt = task.CancelledAt is null && now >= task.PickedAt ? task.PickedAt : (DateTimeOffset?)null,
        lines = task.Lines.Select(l => new { l.Sku, l.Quantity }),
    };

    public sealed record PickAfterInput(double? Seconds);

    public sealed record PickTaskInput(string Reference, List<ErpEndpoints.LineInput>? Lines);
}
