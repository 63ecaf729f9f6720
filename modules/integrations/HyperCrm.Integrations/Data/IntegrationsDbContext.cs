using HyperCrm.Framework.Data;
using HyperCrm.Integrations.Domain;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Integrations.Data;

public sealed class IntegrationsDbContext(DbContextOptions<IntegrationsDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<IntegrationsDbContext>(options, dependencies)
{
    public const string DbSchema = "integrations";

    public override string Schema => DbSchema;

    public DbSet<ConnectorSetting> Connectors => Set<ConnectorSetting>();
    public DbSet<ConnectorHealthRecord> ConnectorHealth => Set<ConnectorHealthRecord>();
    public DbSet<InboundWebhook> InboundWebhooks => Set<InboundWebhook>();
    public DbSet<ErpCounterparty> ErpCounterparties => Set<ErpCounterparty>();
    public DbSet<OrderFulfilment> Fulfilments => Set<OrderFulfilment>();
    public DbSet<WebhookSubscription> Subscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<WebhookAttempt> Attempts => Set<WebhookAttempt>();
    public DbSet<MailboxCursor> MailboxCursors => Set<MailboxCursor>();

    protected override void ConfigureModule(ModelBuilder modelBuilder) => modelBuilder.ConfigureIntegrations();
}
