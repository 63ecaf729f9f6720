using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HyperCrm.Sandbox;

/// <summary>The simulators' clock: couriers deliver (and send the signed webhook), suppliers deliver stock to the ERP.</summary>
public sealed class SandboxScheduler(SandboxWorld world, IHttpClientFactory clients, CrmAddress crm, WebhookSigner signer,
    IOptionsMonitor<SandboxOptions> options, ILogger<SandboxScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = world.Clock.GetUtcNow();
            foreach (var po in world.PurchaseOrders.Values.Where(p => !p.Delivered && p.DeliverAt <= now))
            {
                using var batch = world.Journal.Batch();
                lock (world.StockGate)
                {
                    if (po.Delivered) continue;
                    foreach (var line in po.Lines)
                    {
                        if (world.Stock.TryGetValue(line.Sku, out var item)) item.OnHand += line.Quantity;
                    }
                    po.Delivered = true;
                    world.SaveStock(po.Lines.Where(l => world.Stock.ContainsKey(l.Sku)).Select(l => world.Stock[l.Sku]).Distinct());
                    world.Save(po);
                }
                world.Erp.Record("stock.receive", null, po.Number, new { po.Number, Lines = po.Lines.Select(l => new { l.Sku,
                    l.Quantity }) });
            }
            await AnswerPaymentsAsync(now, stoppingToken);
            // A cancelled shipment is never delivered; a returned one is reported as such.
            foreach (var shipment in world.Shipments.Values.Where(s => !s.WebhookSent && NextTry(s, now) && (s.Status == "returned"
                || (s.Status is "created" or "delivered" && s.DeliverAt <= now))))
            {
                if (shipment.Status == "created")
                {
                    shipment.Status = "delivered";
                    shipment.DeliveredAt ??= now;
                }
                try
                {
                    await SendStatusAsync(shipment, stoppingToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException
                    && !stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning("Courier webhook for {Tracking} failed (attempt {Attempt}): {Error}", shipment.TrackingNumber,
                        shipment.WebhookAttempts, ex.Message);
                }
            }
        }
    }

    /// <summary>Late authorizations are answered when due; every result the CRM must hear of is sent signed, until it is taken.</summary>
    private async Task AnswerPaymentsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var payment in world.CardPayments.Values.Where(p => p.Notify && (p.NextWebhookAt ?? now) <= now
            && (p.Status != "pending" || p.AnswerAt <= now)))
        {
            if (payment.Status == "pending")
            {
                payment.Status = "authorized";
                world.Save(payment);
            }
            try
            {
                await SendPaymentAsync(payment, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException
                && !cancellationToken.IsCancellationRequested)
            {
                payment.NextWebhookAt = now.AddSeconds(Math.Min(60, Math.Pow(2, payment.WebhookAttempts - 1)));
                logger.LogWarning("Payment webhook for {Payment} failed (attempt {Attempt}): {Error}", payment.Id, payment.WebhookAttempts,
                    ex.Message);
            }
        }
    }

    private async Task SendPaymentAsync(Payment payment, CancellationToken cancellationToken)
    {
        payment.WebhookAttempts++;
        var status = payment.Status;
        var body = JsonSerializer.Serialize(new
        {
            type = "payment." + status,
            timestamp = world.Clock.GetUtcNow(),
            data = new { paymentId = payment.Id, payment.Reference, status, payment.Reason, payment.Amount, payment.Currency },
        }, SandboxJson.Options);
        var provider = options.CurrentValue.Payments.Provider;
        using var request = new HttpRequestMessage(HttpMethod.Post, crm.Url($"/hooks/payments/{Uri.EscapeDataString(provider)}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        signer.Sign(request, signer.PaymentsSecret(), $"msg_{payment.Id}_{status}", body);
        using var response = await clients.CreateClient("sandbox").SendAsync(request, cancellationToken);
        using var batch = world.Journal.Batch();
        if (response.IsSuccessStatusCode)
        {
            payment.Notify = false;
            world.Payments.Record("webhook." + status, payment.Reference, payment.Id,
                new { payment.Id, status = (int)response.StatusCode });
        }
        else
        {
            payment.NextWebhookAt = world.Clock.GetUtcNow().AddSeconds(Math.Min(60, Math.Pow(2, payment.WebhookAttempts - 1)));
            logger.LogWarning("The CRM answered {Status} to the payment webhook of {Payment}", (int)response.StatusCode, payment.Id);
        }
        world.Save(payment);
    }

    /// <summary>A refused webhook is sent again with backoff (1, 2, 4 … 60 s), like a real courier's.</summary>
    private static bool NextTry(Shipment s, DateTimeOffset now) =>
        s.WebhookAttempts == 0 || now >= (s.ReturnedAt ?? s.DeliverAt).AddSeconds(Math.Min(60, Math.Pow(2, s.WebhookAttempts - 1))
            * s.WebhookAttempts);

    /// <summary>Tells the CRM the shipment's news ("delivered" or "returned"), signed, once per news.</summary>
    private async Task SendStatusAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        shipment.WebhookAttempts++;
        var provider = options.CurrentValue.Courier.Provider;
        var status = shipment.Status;
        var body = JsonSerializer.Serialize(new
        {
            type = "shipment." + status,
            timestamp = world.Clock.GetUtcNow(),
            data = new { shipment.TrackingNumber, shipment.Waybill, shipment.Reference, status, shipment.DeliveredAt, shipment.ReturnedAt },
        }, SandboxJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, crm.Url($"/hooks/courier/{Uri.EscapeDataString(provider)}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        // One webhook id per shipment event: the CRM drops a repeat.
        signer.Sign(request, signer.CourierSecret(), $"msg_{shipment.Id}_{status}", body);
        using var response = await clients.CreateClient("sandbox").SendAsync(request, cancellationToken);
        using var batch = world.Journal.Batch();
        if (response.IsSuccessStatusCode)
        {
            shipment.WebhookSent = true;
            world.Courier.Record("webhook." + status, shipment.Reference, shipment.Id, new { shipment.TrackingNumber,
                status = (int)response.StatusCode });
        }
        else
        {
            logger.LogWarning("The CRM answered {Status} to the {News} webhook of {Tracking}", (int)response.StatusCode, status,
                shipment.TrackingNumber);
        }
        world.Save(shipment);
    }
}
