using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Web;

/// <summary>
/// Example values for API schemas, contributed by the modules that own the types; the host writes them into the
/// OpenAPI document, so every request and response body a partner sees in the docs comes with a realistic example.
/// </summary>
public sealed class ApiExamples
{
    private readonly Dictionary<Type, object> _examples = [];

    public IReadOnlyDictionary<Type, object> All => _examples;

    public void Add<T>(T example)
        where T : notnull => _examples[typeof(T)] = example;
}

public static class ApiExamplesServiceCollectionExtensions
{
    /// <summary>Registers an example for a schema type (the last one registered for a type wins).</summary>
    public static IServiceCollection AddApiExample<T>(this IServiceCollection services, T example)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.Where(d => d.ServiceType == typeof(ApiExamples)).Select(d => d.ImplementationInstance).OfType<ApiExamples>().FirstOrDefault();
        if (registry is null)
        {
            registry = new ApiExamples();
            services.AddSingleton(registry);
        }
        registry.Add(example);
        return services;
    }
}
