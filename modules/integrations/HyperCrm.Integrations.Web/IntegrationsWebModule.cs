using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity;
using HyperCrm.Integrations.Web.Api;
using HyperCrm.Integrations.Web.Menus;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Integrations.Web;

[DependsOn(typeof(IntegrationsModule), typeof(RazorUiModule), typeof(IdentityContractsModule))]
public sealed class IntegrationsWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(IntegrationsErrorCodes.Map);
        context.Services.AddSingleton<IMenuContributor, IntegrationsMenuContributor>();
        context.Services.AddHyperApplicationPart(typeof(IntegrationsWebModule).Assembly);
        context.Services.AddApiExample(new Integrations.Webhooks.CreateWebhookSubscriptionDto
        {
            Url = "https://shop.example.com/hypercrm/webhooks",
            Events = [Integrations.Webhooks.WebhookEventTypes.OrderStatusChanged, Integrations.Webhooks.WebhookEventTypes.OrderShipped],
        });
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapHookEndpoints();
        context.Endpoints?.MapWebhookSubscriptionEndpoints();
    }
}
