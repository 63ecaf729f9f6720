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
        // A shipment not yet delivered can be cancelled: it is never delivered. One delivered or returned is refused.
        courier.MapPost("/shipments/{trackingNumber}/cancel", (string trackingNumber, HttpContext http,
            SandboxWorld world) => world.Courier.WriteAsync(http, () =>
        {
            if (!world.Shipments.TryGetValue(trackingNumber, out var shipment))
                return Task.FromResult(Results.Problem($"No shipment {trackingNumber}.", statusCode: 404));
            if (shipment.Status is "delivered" or "returned")
                return Task.FromResult(Results.Problem($"Shipment {trackingNumber} is already {shipment.Status}.", statusCode: 409));
            if (shipment.Status != "cancelled")
            {
                shipment.Status = "cancelled";
                world.Save(shipment);
                world.Courier.Record("shipment.cancel", SimulatorRequest.Reference(http) ?? shipment.Reference,
                    SimulatorRequest.IdempotencyKey(http), ShipmentBody(shipment));
            }
            return Task.FromResult(Results.Json(ShipmentBody(shipment)));
        }));
        // For tests and demos: the parcel comes back to the sender (refused, or sent back after delivery); the courier then
        // tells the CRM with a signed "shipment.returned" webhook.
        courier.MapPost("/shipments/{trackingNumber}/return", (string trackingNumber, SandboxWorld world) =>
        {
            if (!world.Shipments.TryGetValue(trackingNumber, out var shipment))
                return Results.Problem($"No shipment {trackingNumber}.", statusCode: 404);
            if (shipment.Status is "cancelled") return Results.Problem($"Shipment {trackingNumber} was cancelled.", statusCode: 409);
            if (shipment.Status != "returned")
            {
                shipment.Status = "returned";
                shipment.ReturnedAt = world.Clock.GetUtcNow();
                shipment.WebhookSent = false;
                shipment.WebhookAttempts = 0;
                world.Save(shipment);
                world.Courier.Record("shipment.return", shipment.Reference, null, ShipmentBody(shipment));
            }
            return Results.Json(ShipmentBody(shipment));
        });
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
        returnedAt = s.ReturnedAt,
    };

    public sealed record ShipmentInput(string Reference, string Recipient, string? Phone, string Address);
}
