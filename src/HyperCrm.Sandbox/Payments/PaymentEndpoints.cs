namespace HyperCrm.Sandbox;

/// <summary>
/// The card payment gateway simulator: authorize at intake, capture at shipment, void a cancelled order's authorization,
/// refund a returned one. Every write honours <c>Idempotency-Key</c>, and each change of a payment happens once (asking
/// again answers the payment as it is and adds no ledger entry). Tests and demos can make it decline or answer late.
/// </summary>
internal static class PaymentEndpoints
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        var payments = sandbox.MapGroup("/payments");
        payments.MapGet("/health", async (HttpContext http,
            SandboxWorld world) => await world.Payments.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));

        payments.MapPost("/payments", (AuthorizeInput input, HttpContext http, SandboxWorld world) => world.Payments.WriteAsync(http, () =>
        {
            if (string.IsNullOrWhiteSpace(input.Reference) || input.Amount is not > 0 || string.IsNullOrWhiteSpace(input.Currency))
                return Task.FromResult(Results.Problem("A payment needs a reference, a positive amount and a currency.", statusCode: 400));
            var now = world.Clock.GetUtcNow();
            var payment = new Payment("pay_" + Guid.NewGuid().ToString("N"), input.Reference.Trim(), input.Amount.Value,
                input.Currency.Trim().ToUpperInvariant(), now);
            switch (world.PaymentMode)
            {
                case "decline":
                    (payment.Status, payment.Reason) = ("declined", "insufficient funds");
                    break;
                case "late":
                    payment.AnswerAt = now.AddSeconds(world.PaymentLateSeconds);
                    payment.Notify = true;
                    break;
                default:
                    payment.Status = "authorized";
                    break;
            }
            world.Save(payment);
            world.Payments.Record("payment.authorize", SimulatorRequest.Reference(http) ?? payment.Reference,
                SimulatorRequest.IdempotencyKey(http), Body(payment));
            return Task.FromResult(Results.Json(Body(payment), statusCode: StatusCodes.Status201Created));
        }));

        payments.MapGet("/payments/{id}", async (string id, HttpContext http, SandboxWorld world) =>
            await world.Payments.FaultAsync(http) ?? (world.CardPayments.TryGetValue(id, out var payment)
                ? Results.Json(Body(payment)) : Results.Problem($"No payment {id}.", statusCode: 404)));

        payments.MapPost("/payments/{id}/capture", (string id, HttpContext http, SandboxWorld world) =>
            world.Payments.WriteAsync(http, () => Task.FromResult(Move(id, http, world, "captured", "payment.capture", ["authorized"]))));
        payments.MapPost("/payments/{id}/void", (string id, HttpContext http, SandboxWorld world) =>
            world.Payments.WriteAsync(http, () => Task.FromResult(Move(id, http, world, "voided", "payment.void",
                ["authorized", "pending"]))));
        payments.MapPost("/payments/{id}/refund", (string id, HttpContext http, SandboxWorld world) =>
            world.Payments.WriteAsync(http, () => Task.FromResult(Move(id, http, world, "refunded", "payment.refund", ["captured"]))));

        // For tests and demos: how new authorizations are answered.
        payments.MapPost("/mode", (ModeInput input, SandboxWorld world) =>
        {
            if (input.Mode is not ("approve" or "decline" or "late"))
                return Results.Problem("mode must be approve, decline or late.", statusCode: 400);
            if (input.Seconds is < 0 or > 3600) return Results.Problem("seconds must be 0 to 3600.", statusCode: 400);
            world.PaymentMode = input.Mode;
            world.PaymentLateSeconds = input.Seconds ?? world.PaymentLateSeconds;
            return Results.Ok(new { mode = world.PaymentMode, seconds = world.PaymentLateSeconds });
        });

        // For tests and demos: the customer pays a declined payment after all (another card); the CRM hears by webhook.
        payments.MapPost("/payments/{id}/pay", (string id, SandboxWorld world) =>
        {
            if (!world.CardPayments.TryGetValue(id, out var payment)) return Results.Problem($"No payment {id}.", statusCode: 404);
            if (payment.Status != "declined") return Results.Problem($"Payment {id} is {payment.Status}.", statusCode: 409);
            lock (payment)
            {
                (payment.Status, payment.Reason, payment.Notify, payment.WebhookAttempts) = ("authorized", null, true, 0);
                world.Save(payment);
            }
            world.Payments.Record("payment.paid", payment.Reference, null, Body(payment));
            return Results.Json(Body(payment));
        });
    }

    /// <summary>One change of a payment, once: asking again answers it as it is; from a state that forbids it, 409.</summary>
    private static IResult Move(string id, HttpContext http, SandboxWorld world, string to, string operation, string[] from)
    {
        if (!world.CardPayments.TryGetValue(id, out var payment)) return Results.Problem($"No payment {id}.", statusCode: 404);
        lock (payment)
        {
            if (payment.Status == to) return Results.Json(Body(payment));
            if (!from.Contains(payment.Status))
                return Results.Problem($"Payment {id} is {payment.Status}: it cannot be {to}.", statusCode: 409);
            payment.Status = to;
            payment.Notify = false;
            world.Save(payment);
        }
        world.Payments.Record(operation, SimulatorRequest.Reference(http) ?? payment.Reference, SimulatorRequest.IdempotencyKey(http),
            Body(payment));
        return Results.Json(Body(payment));
    }

    public static object Body(Payment p) => new
    {
        id = p.Id,
        reference = p.Reference,
        status = p.Status,
        reason = p.Reason,
        amount = p.Amount,
        currency = p.Currency,
        createdAt = p.CreatedAt,
    };

    public sealed record AuthorizeInput(string Reference, decimal? Amount, string Currency);

    public sealed record ModeInput(string Mode, double? Seconds);
}
