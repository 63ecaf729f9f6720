using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Intelligence.Web.Menus;
using HyperCrm.RazorUi;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Intelligence.Web;

[DependsOn(typeof(IntelligenceModule), typeof(RazorUiModule))]
public sealed class IntelligenceWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddSingleton<IMenuContributor, IntelligenceMenuContributor>();
        context.Services.AddHyperApplicationPart(typeof(IntelligenceWebModule).Assembly);
    }
}
