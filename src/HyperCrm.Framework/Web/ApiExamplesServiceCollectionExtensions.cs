using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Web;

public static class ApiExamplesServiceCollectionExtensions
{
    /// <summary>Registers an example for a schema type (the last one registered for a type wins).</summary>
    public static IServiceCollection AddApiExample<T>(this IServiceCollection services, T example)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.Where(d => d.ServiceType == typeof(ApiExamples)).Select(d => d.ImplementationInstance).OfType<ApiExamples>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new ApiExamples();
            services.AddSingleton(registry);
        }
        registry.Add(example);
        return services;
    }
}
