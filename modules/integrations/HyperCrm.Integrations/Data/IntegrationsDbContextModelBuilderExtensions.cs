using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Integrations.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Data;

public static class IntegrationsDbContextModelBuilderExtensions
{
    public static void ConfigureIntegrations(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = IntegrationsDbContext.DbSchema;
        builder.Entity<ConnectorSetting>(b =>
        {
            b.ToTable("connectors", schema);
            b.Property(x => x.Name).HasMaxLength(20).IsRequired();
            b.Property(x => x.BaseUrl).HasMaxLength(300).IsRequired();
            b.Property(x => x.UserName).HasMaxLength(100);
            b.Property(x => x.ProtectedSecret).HasMaxLength(2000);
            b.Property(x => x.UpdatedBy).HasMaxLength(256);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.Name).IsUnique();
        });
        builder.Entity<InboundWebhook>(b =>
        {
            b.ToTable("inbound_webhooks", schema);
            b.Property(x => x.Channel).HasMaxLength(20).IsRequired();
            b.Property(x => x.Source).HasMaxLength(64).IsRequired();
            b.Property(x => x.WebhookId).HasMaxLength(200).IsRequired();
            b.Property(x => x.EventType).HasMaxLength(80);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Result).HasMessageConversion();
            b.HasIndex(x => new { x.Channel, x.Source, x.WebhookId }).IsUnique();
            b.HasIndex(x => x.ReceivedAt);
        });
        builder.Entity<ErpCounterparty>(b =>
        {
            b.ToTable("erp_counterparties", schema);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.RefKey).HasMaxLength(64).IsRequired();
            b.Property(x => x.Code).HasMaxLength(40);
        });
        builder.Entity<OrderFulfilment>(b =>
        {
            b.ToTable("order_fulfilments", schema);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.ErpOrderKey).HasMaxLength(64);
            b.Property(x => x.ErpOrderNumber).HasMaxLength(40);
            b.Property(x => x.MissingStock).HasMaxLength(1000);
            // The stock-arrival poll's few waiting orders, found without reading every fulfilment.
            b.HasIndex(x => x.UpdatedAt).HasDatabaseName("ix_order_fulfilments_waiting_for_stock")
                .HasFilter("NOT reserved AND missing_stock IS NOT NULL AND NOT stock_arrival_announced AND NOT erp_order_closed");
            b.Property(x => x.PickTaskId).HasMaxLength(64);
            b.Property(x => x.PickStatus).HasMaxLength(20);
            b.Property(x => x.CourierProvider).HasMaxLength(40);
            b.Property(x => x.TrackingNumber).HasMaxLength(64);
            b.Property(x => x.Waybill).HasMaxLength(64);
            b.Property(x => x.ShipmentStatus).HasMaxLength(20);
            b.Property(x => x.SaleDocumentKey).HasMaxLength(64);
            b.Property(x => x.SaleDocumentNumber).HasMaxLength(40);
            b.Property(x => x.ReturnDocumentKey).HasMaxLength(64);
            b.Property(x => x.ReturnDocumentNumber).HasMaxLength(40);
            b.Property(x => x.PaymentId).HasMaxLength(64);
            b.Property(x => x.PaymentStatus).HasMaxLength(20);
            b.Property(x => x.PaymentReason).HasMaxLength(300);
            b.HasIndex(x => x.PaymentId).HasFilter("payment_id IS NOT NULL");
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            // The WMS poller's queue: open pick tasks only.
            b.HasIndex(x => x.PickCheckedAt).HasFilter("pick_status = 'open'");
            b.HasIndex(x => x.TrackingNumber).HasFilter("tracking_number IS NOT NULL");
        });
        builder.Entity<WebhookSubscription>(b =>
        {
            b.ToTable("webhook_subscriptions", schema);
            b.Property(x => x.Url).HasMaxLength(500).IsRequired();
            b.Property(x => x.ProtectedSecret).HasMaxLength(2000).IsRequired();
            b.Property(x => x.DisabledReason).HasMaxLength(300);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => x.PartnerId);
        });
        builder.Entity<ConnectorHealthRecord>(b =>
        {
            b.ToTable("connector_health", schema);
            b.HasKey(x => new { x.Connector, x.InstanceId });
            b.Property(x => x.Connector).HasMaxLength(20);
            b.Property(x => x.InstanceId).HasMaxLength(InstanceIdentity.MaxIdLength);
            b.Property(x => x.InstanceName).HasMaxLength(60);
            b.Property(x => x.LastError).HasMaxLength(500);
            b.Property(x => x.CircuitState).HasMaxLength(20);
        });
        builder.Entity<WebhookDelivery>(b =>
        {
            b.ToTable("webhook_deliveries", schema);
            b.Property(x => x.EventType).HasMaxLength(60).IsRequired();
            b.Property(x => x.EventKey).HasMaxLength(120).IsRequired();
            b.Property(x => x.Payload).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.LastError).HasMaxLength(1000);
            // One delivery per subscription and event: a redelivered event adds none.
            b.HasIndex(x => new { x.SubscriptionId, x.EventKey }).IsUnique();
            b.HasIndex(x => x.NextAttemptAt).HasFilter("next_attempt_at IS NOT NULL");
            b.HasIndex(x => new { x.PartnerId, x.CreatedAt });
            // The operations console's dead letters: failed for good, newest first.
            b.HasIndex(x => x.CreatedAt).HasDatabaseName("ix_webhook_deliveries_failed").HasFilter("state = 'Failed'");
        });
        builder.Entity<WebhookAttempt>(b =>
        {
            b.ToTable("webhook_attempts", schema);
            b.Property(x => x.Error).HasMaxLength(1000);
            b.HasIndex(x => new { x.DeliveryId, x.Number });
        });
        builder.Entity<MailboxCursor>(b =>
        {
            b.ToTable("mailbox_cursors", schema);
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).HasMaxLength(40);
        });
        builder.ConfigureEventTables(schema);
    }
}
