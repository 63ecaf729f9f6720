using System.Text.Json.Serialization;
using System.Text.Json;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Partners;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using HyperCrm.Sales.Orders;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HyperCrm.Integrations.Webhooks;

/// <summary>
/// Inbound webhooks after their signature is checked: the raw request is stored for audit under its webhook id (unique
/// per channel and source), so a repeat is answered like the first and has no second effect. The caller runs it in one
/// shared transaction holding the webhook id's lock, so the stored request, its outcome and its effects (an order, a
/// shipment status, a trigger) commit together or not at all.
/// </summary>
public sealed class InboundWebhookService(
    IntegrationsDbContext db,
    IOrderAppService orderService,
    IOrderIntegrationService orders,
    IPartnerIntegrationService partners,
    IOptions<ErrorCodeOptions> errorCodes,
    MessageFormatter words,
    TimeProvider clock)
{
    public const string ShopChannel = "shop";
    public const string CourierChannel = "courier";
    public const string EventsChannel = "events";
    public const string PaymentsChannel = "payments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        MaxDepth = 32,
    };

    private sealed record Envelope<T>(string? Type, DateTimeOffset? Timestamp, T? Data);

    public sealed record CourierStatus(string? TrackingNumber, string? Reference, string? Status);

    public sealed record PaymentNews(string? PaymentId, string? Reference, string? Status, string? Reason);

    /// <summary>The payment statuses a gateway may report late; anything else is refused and changes nothing.</summary>
    public static readonly IReadOnlySet<string> PaymentStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "authorized", "declined", "captured", "voided", "refunded",
    };

    /// <summary>The shipment statuses a courier may report; anything else is refused and changes nothing.</summary>
    public static readonly IReadOnlySet<string> CourierStatuses = new HashSet<string>(StringComparer.Ordinal)
    {
        "accepted", "in_transit", "out_for_delivery", "delivery_failed", "delivered", "returned", "lost",
    };

    public async Task<InboundOutcome> ReceiveShopOrderAsync(string source, string webhookId, string headers, string body,
        CancellationToken cancellationToken)
    {
        var (row, repeat) = await ClaimAsync(ShopChannel, source, webhookId, "order.created", headers, body, cancellationToken);
        if (repeat is not null) return repeat;
        Envelope<CreateOrderDto>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<CreateOrderDto>>(body, Json);
        }
        catch (JsonException ex)
        {
            return await RejectAsync(row, 400, "The body is not a valid order webhook: " + ex.Message, cancellationToken);
        }
        if (envelope?.Data is not { } order) return await RejectAsync(row, 400,
            "The body needs { \"type\": \"order.created\", \"data\": <the order> }.", cancellationToken);
        if (envelope.Type is { } type && type != "order.created") return await RejectAsync(row, 422,
            $"Unknown event type '{type}'; this endpoint takes order.created.", cancellationToken);
        var errors = ValidationFilter.Errors(order);
        if (errors.Count > 0)
        {
            var rejected = await RejectAsync(row, 400, "Some fields of the order are not valid.", cancellationToken);
            return rejected with { Errors = errors.ToDictionary(e => "data." + e.Key, e => e.Value) };
        }
        // Without the shop's own id, the webhook id stands for it: a redelivery after a crash half-way finds the order
        // it already made instead of making a second one.
        order.ExternalId ??= ExternalIdFor(webhookId);
        if (await partners.EnsureAsync(source, cancellationToken) is not { } partnerId)
            return await RejectAsync(row, 403, $"The partner '{source}' is deactivated.", cancellationToken);
        OrderDto created;
        try
        {
            created = await orderService.CreateAsync(order, partnerId, cancellationToken);
        }
        catch (BusinessException ex)
        {
            if (ex.Code == "Sales:DuplicateExternalId" && order.ExternalId is { } externalId
                && await orders.FindByExternalIdAsync(partnerId, externalId.Trim(), cancellationToken) is { } existing)
            {
                // The shop sent the same order again under a new webhook id: stored once, answered as stored.
                row.Processed(Message.Of("Integrations:Inbound:AlreadyStored", ("number", existing.Number)), existing.Id,
                    clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return new InboundOutcome(StatusCodes.Status200OK, OrderAnswer(existing));
            }
            return await RejectAsync(row, errorCodes.Value.StatusOf(ex.Code), ex.Message, cancellationToken);
        }
        row.Processed(Message.Of("Integrations:Inbound:OrderStored", ("number", created.Number)), created.Id, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new InboundOutcome(StatusCodes.Status201Created, OrderAnswer(created));
    }

    public async Task<InboundOutcome> ReceiveCourierAsync(string provider, string webhookId, string headers, string body,
        CancellationToken cancellationToken)
    {
        Envelope<CourierStatus>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<CourierStatus>>(body, Json);
        }
        catch (JsonException ex)
        {
            return new InboundOutcome(400, null, "The body is not a valid courier webhook: " + ex.Message);
        }
        var (row, repeat) = await ClaimAsync(CourierChannel, provider, webhookId, envelope?.Type, headers, body, cancellationToken);
        if (repeat is not null) return repeat;
        var data = envelope?.Data;
        var status = data?.Status?.Trim().ToLowerInvariant() ?? envelope?.Type?.Split('.').LastOrDefault();
        if (data is null || string.IsNullOrWhiteSpace(status) || (string.IsNullOrWhiteSpace(data.TrackingNumber)
            && string.IsNullOrWhiteSpace(data.Reference)))
            return await RejectAsync(row, 400, "The body needs data.trackingNumber (or data.reference) and data.status.",
                cancellationToken);
        if (!CourierStatuses.Contains(status))
            return await RejectAsync(row, 422, $"Unknown shipment status; one of: {string.Join(", ", CourierStatuses)}.",
                cancellationToken);
        // Only a shipment booked with this provider: a courier cannot move another courier's (or an unshipped) order.
        var booked = db.Fulfilments.Where(f => f.CourierProvider == provider && f.TrackingNumber != null);
        var fulfilment = data.TrackingNumber is { Length: > 0 } tracking
            ? await booked.FirstOrDefaultAsync(f => f.TrackingNumber == tracking, cancellationToken)
            : null;
        if (fulfilment is null && Guid.TryParse(data.Reference,
            out var orderId)) fulfilment = await booked.FirstOrDefaultAsync(f => f.Id == orderId, cancellationToken);
        if (fulfilment is null) return await RejectAsync(row, 422,
            "No shipment booked with this provider has that tracking number or reference.", cancellationToken);
        // The raw request, the shipment's status and the event for the rules commit together.
        await ApplyAsync(fulfilment, () => fulfilment.ShipmentStatusReported(provider, status, clock.GetUtcNow()),
            news => row.Processed(Message.Of(news ? "Integrations:Run:ShipmentStatus" : "Integrations:Inbound:ShipmentAlready",
                ("tracking", fulfilment.TrackingNumber), ("status", status)), fulfilment.Id, clock.GetUtcNow()), cancellationToken);
        return new InboundOutcome(StatusCodes.Status200OK, new { received = true, orderId = fulfilment.Id, status });
    }

    /// <summary>
    /// The gateway's late news about a card payment it gave us the id of: it goes on the fulfilment record and the order
    /// (its page, the API), and raises the event rules react to (release an order held for a declined card…).
    /// </summary>
    public async Task<InboundOutcome> ReceivePaymentAsync(string provider, string webhookId, string headers, string body,
        CancellationToken cancellationToken)
    {
        Envelope<PaymentNews>? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope<PaymentNews>>(body, Json);
        }
        catch (JsonException ex)
        {
            return new InboundOutcome(400, null, "The body is not a valid payment webhook: " + ex.Message);
        }
        var (row, repeat) = await ClaimAsync(PaymentsChannel, provider, webhookId, envelope?.Type, headers, body, cancellationToken);
        if (repeat is not null) return repeat;
        var data = envelope?.Data;
        var status = data?.Status?.Trim().ToLowerInvariant();
        if (data is null || string.IsNullOrWhiteSpace(status) || string.IsNullOrWhiteSpace(data.PaymentId))
            return await RejectAsync(row, 400, "The body needs data.paymentId and data.status.", cancellationToken);
        if (!PaymentStatuses.Contains(status))
            return await RejectAsync(row, 422, $"Unknown payment status; one of: {string.Join(", ", PaymentStatuses)}.",
                cancellationToken);
        // Only a payment this CRM started: a gateway cannot move an order it was never asked about.
        var fulfilment = await db.Fulfilments.FirstOrDefaultAsync(f => f.PaymentId == data.PaymentId, cancellationToken);
        if (fulfilment is null) return await RejectAsync(row, 422, "No order has a payment with that id.", cancellationToken);
        var reason = data.Reason is { Length: > 300 } said ? said[..300] : data.Reason;
        // The raw request, the payment's state on the order and the event for the rules commit together.
        var news = await ApplyAsync(fulfilment, () => fulfilment.PaymentReported(status, reason, clock.GetUtcNow()),
            news => row.Processed(news ? Message.Of("Integrations:Run:PaymentStatus", ("status", status))
                : Message.Of("Integrations:Inbound:PaymentAlready", ("status", status)), fulfilment.Id, clock.GetUtcNow()),
            cancellationToken);
        if (news && Actions.PaymentActionBase.StateOf(status) is { } state)
        {
            await orders.RecordPaymentAsync(fulfilment.Id, state, reason, HyperCrm.Customers.Timeline.ActorKind.System,
                $"payments:{provider}", cancellationToken);
        }
        return new InboundOutcome(StatusCodes.Status200OK, new { received = true, orderId = fulfilment.Id, status });
    }

    public async Task<InboundOutcome> ReceiveEventAsync(string source, string webhookId, string headers, string body,
        CancellationToken cancellationToken)
    {
        string? type;
        try
        {
            using var json = JsonDocument.Parse(body);
            type = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type",
                out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException ex)
        {
            return new InboundOutcome(400, null, "The body is not JSON: " + ex.Message);
        }
        if (string.IsNullOrWhiteSpace(type)) return new InboundOutcome(400, null, "The body needs a \"type\".");
        var (row, repeat) = await ClaimAsync(EventsChannel, source, webhookId, type, headers, body, cancellationToken);
        if (repeat is not null) return repeat;
        row.RaiseTrigger(type);
        row.Processed(Message.Of("Integrations:Inbound:ToRules"), null, clock.GetUtcNow());
        await SaveClaimAsync(cancellationToken);
        return new InboundOutcome(StatusCodes.Status202Accepted, new { received = true, type });
    }

    /// <summary>The external id of a shop order sent without one: <c>webhook:{id}</c>, or a hash of a long id.</summary>
    public static string ExternalIdFor(string webhookId)
    {
        const string prefix = "webhook:";
        return prefix.Length + webhookId.Length <= OrderConsts.MaxExternalIdLength
            ? prefix + webhookId
            : prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(webhookId)))
                [..(OrderConsts.MaxExternalIdLength - prefix.Length)];
    }

    private static object OrderAnswer(OrderDto order) => new { id = order.Id, number = order.Number, externalId = order.ExternalId,
        status = order.Status };

    /// <summary>
    /// Finds the webhook id already stored (a repeat: answer as before), or adds the row, saved with its outcome in the
    /// caller's transaction. Two copies never race here: the caller holds the webhook id's lock (HookEndpoints).
    /// </summary>
    private async Task<(InboundWebhook Row, InboundOutcome? Repeat)> ClaimAsync(string channel, string source, string webhookId,
        string? type, string headers, string body, CancellationToken cancellationToken)
    {
        var existing = await db.InboundWebhooks.FirstOrDefaultAsync(w => w.Channel == channel && w.Source == source
            && w.WebhookId == webhookId, cancellationToken);
        if (existing is { State: InboundState.Processed })
            return (existing, new InboundOutcome(StatusCodes.Status200OK, new { received = true, duplicate = true,
                orderId = existing.OrderId, result = words.Format(existing.Result) }));
        if (existing is { State: InboundState.Rejected }) return (existing, new InboundOutcome(StatusCodes.Status422UnprocessableEntity,
            null, words.Format(existing.Result), null));
        // A row stored but never finished (only an older version committed those): this copy takes it up. A copy in flight
        // holds the webhook's lock (HookEndpoints), so it is never seen here half-done.
        if (existing is not null) return (existing, null);
        var row = new InboundWebhook(Guid.CreateVersion7(), channel, source, webhookId, type, headers, body, clock.GetUtcNow());
        db.InboundWebhooks.Add(row);
        return (row, null);
    }

    /// <summary>
    /// Applies an outside system's news to the order's fulfilment record and saves it with the claim. The automation writes
    /// the same record all along (a capture right after shipment…), so a save that lost that race is made again on the
    /// record read afresh, a few times, rather than refusing the sender's webhook. True when the news was new.
    /// </summary>
    private async Task<bool> ApplyAsync(OrderFulfilment fulfilment, Func<bool> apply, Action<bool> record,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var news = apply();
            record(news);
            try
            {
                await SaveClaimAsync(cancellationToken);
                return news;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                fulfilment.ClearDistributedEvents();
                await db.Entry(fulfilment).ReloadAsync(cancellationToken);
            }
        }
    }

    private async Task SaveClaimAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            throw new BusinessException("Integrations:WebhookInFlight", "The same webhook is being processed; try again shortly.");
        }
    }

    private async Task<InboundOutcome> RejectAsync(InboundWebhook row, int status, string problem, CancellationToken cancellationToken)
    {
        row.Rejected($"{status}: {problem}", clock.GetUtcNow());
        await SaveClaimAsync(cancellationToken);
        return new InboundOutcome(status, null, problem);
    }
}
