using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Web;

public static class ApplicationPartServiceCollectionExtensions
{
    /// <summary>
    /// Registers a module's Razor class library (its pages and compiled views) explicitly, as ABP does, so pages do
    /// not depend on the entry assembly's discovery (which differs between the app and test hosts). Idempotent.
    /// </summary>
    public static IServiceCollection AddHyperApplicationPart(this IServiceCollection services, Assembly assembly)
    {
        services.AddMvcCore().ConfigureApplicationPartManager(manager =>
        {
            if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly)) return;
            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                manager.ApplicationParts.Add(part);
        });
        return services;
    }
}
