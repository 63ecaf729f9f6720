using HyperCrm.Activities;
using HyperCrm.Automation;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers;
using HyperCrm.Framework;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Operations;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Framework.Threading;
using HyperCrm.Identity;
using HyperCrm.Integrations.Actions;
using HyperCrm.Integrations.Application;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Operations;
using HyperCrm.Integrations.Webhooks;
using HyperCrm.Sales;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Refit;

namespace HyperCrm.Integrations;

[DependsOn(typeof(HyperCrmFrameworkModule), typeof(IntegrationsContractsModule), typeof(SalesContractsModule),
    typeof(CustomersContractsModule),
    typeof(IdentityContractsModule), typeof(AutomationContractsModule), typeof(ActivitiesContractsModule))]
public sealed class IntegrationsModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddHyperDbContext<IntegrationsDbContext>();
        services.Configure<IntegrationsOptions>(context.Configuration.GetSection("Integrations"));
        services.Configure<OutboundWebhookOptions>(context.Configuration.GetSection("Webhooks:Outbound"));
        // Raw inbound webhooks (finished ones) and the outbound delivery log are kept for a while, not forever.
        var inboundRetention = context.Configuration.GetValue("Webhooks:Inbound:Retention", TimeSpan.FromDays(90));
        var outboundRetention = context.Configuration.GetValue("Webhooks:Outbound:Retention", TimeSpan.FromDays(30));
        services.AddRetentionRule<IntegrationsDbContext>("integrations.inbound_webhooks", inboundRetention, """
            DELETE FROM integrations.inbound_webhooks WHERE id IN (
                SELECT id FROM integrations.inbound_webhooks WHERE state <> 'Received' AND received_at < {0} LIMIT {1})
            """);
        services.AddRetentionRule<IntegrationsDbContext>("integrations.webhook_attempts", outboundRetention, """
            DELETE FROM integrations.webhook_attempts WHERE id IN (SELECT id FROM integrations.webhook_attempts WHERE at < {0} LIMIT {1})
            """);
        services.AddRetentionRule<IntegrationsDbContext>("integrations.webhook_deliveries", outboundRetention, """
            DELETE FROM integrations.webhook_deliveries WHERE id IN (
                SELECT d.id FROM integrations.webhook_deliveries d WHERE d.state <> 'Pending' AND d.created_at < {0}
                AND NOT EXISTS (SELECT 1 FROM integrations.webhook_attempts a WHERE a.delivery_id = d.id) LIMIT {1})
            """);

        services.AddSingleton<ConnectorSettingsProvider>();
        services.AddSingleton<ConnectorHealthRegistry>();
        services.AddSingleton<ConnectorHealthPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectorHealthPublisher>());
        services.AddScoped<IOperationsProbe, WebhookQueueProbe>();
        services.AddScoped<IDeadLetterSource, WebhookDeadLetters>();
        services.AddScoped<IPausableSource, ConnectorPausing>();
        services.AddScoped<IEmailIntegrationService, EmailIntegrationService>();
        AddConnector<IErpApi>(services, ConnectorNames.Erp);
        AddConnector<IWmsApi>(services, ConnectorNames.Wms);
        AddConnector<ICourierApi>(services, ConnectorNames.Courier);
        AddConnector<ISmsApi>(services, ConnectorNames.Sms);
        AddConnector<IEmailApi>(services, ConnectorNames.Email);
        AddConnector<IPaymentApi>(services, ConnectorNames.Payments);

        services.AddSingleton<OutboundUrlGuard>();
        services.AddHttpClient(WebhookDispatcher.ClientName).ConfigurePrimaryHttpMessageHandler(sp =>
            sp.GetRequiredService<OutboundUrlGuard>().CreateHandler());
        services.AddHttpClient(HttpCallAction.ClientName, c => c.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<OutboundUrlGuard>().CreateHandler());
        services.AddSingleton<WebhookSignal>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<InboundWebhookVerifier>();
        services.AddScoped<InboundWebhookService>();
        services.AddScoped<ErpDocuments>();
        services.AddScoped<IConnectorAppService, ConnectorAppService>();
        services.AddScoped<IWebhookSubscriptionAppService, WebhookSubscriptionAppService>();
        services.AddScoped<IInboundWebhookAppService, InboundWebhookAppService>();
        services.AddDistributedEventHandler<OrderWebhookEventHandler, IntegrationsDbContext>();
        services.AddSignalledWorker<WebhookDispatcher>();
        services.AddSingleton<PickTaskSignal>();
        services.AddSingleton<StockWaitSignal>();
        services.AddSingleton<PickTaskPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<PickTaskPoller>());
        services.AddSingleton<MailboxPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<MailboxPoller>());
        services.AddHostedService<StockSyncScheduler>();
        services.AddScoped<ErpStockReader>();
        services.AddSingleton<StockArrivalPoller>();
        services.AddHostedService(sp => sp.GetRequiredService<StockArrivalPoller>());

        services.AddAutomationAction<CreateErpCustomerOrderAction>();
        services.AddAutomationAction<ReserveErpStockAction>();
        services.AddAutomationAction<PostErpSaleAction>();
        services.AddAutomationAction<CreatePickTaskAction>();
        services.AddAutomationAction<CreateShipmentAction>();
        // What undoes them, for rules' compensations (a cancelled order) and returns.
        services.AddAutomationAction<ReleaseErpStockAction>();
        services.AddAutomationAction<CloseErpCustomerOrderAction>();
        services.AddAutomationAction<PostErpReturnAction>();
        services.AddAutomationAction<CancelPickTaskAction>();
        services.AddAutomationAction<CancelShipmentAction>();
        services.AddAutomationAction<AuthorizePaymentAction>();
        services.AddAutomationAction<CapturePaymentAction>();
        services.AddAutomationAction<VoidPaymentAction>();
        services.AddAutomationAction<RefundPaymentAction>();
        services.AddAutomationAction<SendSmsAction>();
        services.AddAutomationAction<SendEmailAction>();
        services.AddAutomationAction<HttpCallAction>();
        services.AddTriggerEnricher<PickedEnricher>();
        services.AddTriggerEnricher<ShipmentStatusEnricher>();
        services.AddTriggerEnricher<PaymentStatusEnricher>();
    }

    /// <summary>
    /// A Refit client with the standard resilience pipeline (total timeout, retry with exponential backoff and jitter,
    /// circuit breaker, per-attempt timeout from the connector's settings); the innermost handler aims each attempt at
    /// the configured base URL with the credentials.
    /// </summary>
    private static void AddConnector<TApi>(IServiceCollection services, string name)
        where TApi : class
    {
        var builder = services.AddRefitGeneratedClient<TApi>()
            .ConfigureHttpClient(c =>
            {
                c.BaseAddress = ConnectorHandler.Placeholder;
                c.Timeout = Timeout.InfiniteTimeSpan;
            });
        builder.AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
        {
            var settings = sp.GetRequiredService<ConnectorSettingsProvider>();
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            o.AttemptTimeout.TimeoutGenerator = _ => ValueTask.FromResult(TimeSpan.FromSeconds(Math.Min(settings.TimeoutOf(name), 25)));
            o.Retry.MaxRetryAttempts = 2;
            o.Retry.Delay = TimeSpan.FromMilliseconds(300);
            o.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
            o.CircuitBreaker.MinimumThroughput = 10;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(10);
            o.CircuitBreaker.StateProvider = sp.GetRequiredService<ConnectorHealthRegistry>().For(name).Circuit;
        });
        builder.AddHttpMessageHandler(sp => new ConnectorHandler(name, sp.GetRequiredService<ConnectorSettingsProvider>(),
            sp.GetRequiredService<ConnectorHealthRegistry>(), sp.GetRequiredService<WorkPauses>(),
            sp.GetRequiredService<TimeProvider>()));
    }
}
