using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>The courier simulator: shipments with tracking numbers; the sandbox clock delivers them and signs the webhook.</summary>
internal static class CourierEndpoints
{
    public static void Map(RouteGroupBuilder sandbox, IOptionsMonitor<SandboxOptions> options)
    {
        var courier = sandbox.MapGroup("/courier");
        courier.MapGet("/health", async (HttpContext http,
            SandboxWorld world) => await world.Courier.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
        courier.MapPost("/shipments", (ShipmentInput input, HttpContext http, SandboxWorld world) => world.Courier.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Reference) || string.IsNullOrWhiteSpace(input.Recipient)
                || string.IsNullOrWhiteSpace(input.Address))
                return Task.FromResult(Results.Problem("A shipment needs a reference, a recipient and an address.", statusCode: 400));
            var now = world.Clock.GetUtcNow();
            var number = world.NextNumber("WB");
            var tracking = "SBX" + Random.Shared.NextInt64(100_000_000,
                999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var shipment = new Shipment(Guid.NewGuid().ToString("N"), number, tracking, input.Reference, input.Recipient, input.Phone,
                input.Address, now,
                now.AddSeconds(options.CurrentValue.Courier.DeliverAfterSeconds));
            world.Save(shipment);
            var body = ShipmentBody(shipment);
            world.Courier.Record("shipment.create", SimulatorRequest.Reference(http) ?? input.Reference,
                SimulatorRequest.IdempotencyKey(http), body);
            return Task.FromResult(Results.Json(body, statusCode: StatusCodes.Status201Created));
        }));
        courier.MapGet("/shipments/{trackingNumber}", async (string trackingNumber, HttpContext http, SandboxWorld world) =>
        {
            if (await world.Courier.FaultAsync(http) is { } failed) return failed;
            return world.Shipments.TryGetValue(trackingNumber,
                out var shipment) ? Results.Json(ShipmentBody(shipment))
                    : Results.Problem($"No shipment {trackingNumber}.", statusCode: 404);
        });
    }

    public static object ShipmentBody(Shipment s) => new
    {
        id = s.Id,
        waybill = s.Waybill,
        trackingNumber = s.TrackingNumber,
        reference = s.Reference,
        status = s.Status,
        recipient = s.Recipient,
        address = s.Address,
        createdAt = s.CreatedAt,
        deliveredAt = s.DeliveredAt,
    };

    public sealed record ShipmentInput(string Reference, string Recipient, string? Phone, string Address);
}
