using HyperCrm.Automation.Web.Menus;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Web;

[DependsOn(typeof(AutomationModule), typeof(RazorUiModule))]
public sealed class AutomationWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(AutomationErrorCodes.Map);
        context.Services.AddSingleton<IMenuContributor, AutomationMenuContributor>();
        context.Services.AddHyperApplicationPart(typeof(AutomationWebModule).Assembly);
        context.Services.AddMcpServer().WithTools<Mcp.AutomationMcpTools>();
    }
}
