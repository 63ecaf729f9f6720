using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Catalog;

public static class AutomationCatalogServiceCollectionExtensions
{
    /// <summary>Offers an action to rules (scoped, so it may use the module's DbContext and services).</summary>
    public static IServiceCollection AddAutomationAction<TAction>(this IServiceCollection services)
        where TAction : class, IAutomationAction
    {
        services.AddScoped<TAction>();
        services.AddSingleton(new AutomationActionRegistration(typeof(TAction)));
        return services;
    }

    /// <summary>Adds richer fields to an event's trigger (scoped, so it may read through integration services).</summary>
    public static IServiceCollection AddTriggerEnricher<TEnricher>(this IServiceCollection services)
        where TEnricher : class, ITriggerEnricher
    {
        services.AddScoped<ITriggerEnricher, TEnricher>();
        return services;
    }
}
