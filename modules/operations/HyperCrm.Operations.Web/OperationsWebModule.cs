using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity;
using HyperCrm.Operations.Web.Menus;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Operations.Web;

[DependsOn(typeof(OperationsModule), typeof(RazorUiModule), typeof(IdentityContractsModule))]
public sealed class OperationsWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddSingleton<IMenuContributor, OperationsMenuContributor>();
        context.Services.AddHyperApplicationPart(typeof(OperationsWebModule).Assembly);
    }
}
