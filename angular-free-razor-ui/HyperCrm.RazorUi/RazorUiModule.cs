using HyperCrm.Framework;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Web;

namespace HyperCrm.RazorUi;

/// <summary>
/// The Razor UI shell every page is drawn in. Its static files are served under <c>/_content/HyperCrm.RazorUi/</c>
/// (<see cref="Assets"/>); a module's own scripts live in that module's Web project.
/// </summary>
[DependsOn(typeof(HyperCrmFrameworkModule))]
public sealed class RazorUiModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.AddHyperApplicationPart(typeof(RazorUiModule).Assembly);
    }
}
