using HyperCrm.Automation.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The actions rules may call, by name, built once: a step resolves only the action it names from its scope, instead of
/// every action of every module on every step.
/// </summary>
public sealed class AutomationActionMap(IEnumerable<AutomationActionRegistration> registrations, IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyDictionary<string, Type>> _types = new(() => Build(registrations, scopes));

    /// <summary>The action named <paramref name="name"/> from <paramref name="services"/> (the step's scope); null when no module offers
    /// it.</summary>
    public IAutomationAction? Resolve(IServiceProvider services, string name) =>
        _types.Value.TryGetValue(name, out var type) ? (IAutomationAction)services.GetRequiredService(type) : null;

    public IReadOnlyCollection<string> Names => _types.Value.Keys.ToList();

    private static Dictionary<string, Type> Build(IEnumerable<AutomationActionRegistration> registrations, IServiceScopeFactory scopes)
    {
        // A descriptor is an action's instance data: read each once, in a scope of its own.
        using var scope = scopes.CreateScope();
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in registrations.Select(r => r.ActionType).Distinct())
        {
            var action = (IAutomationAction)scope.ServiceProvider.GetRequiredService(type);
            if (!map.TryAdd(action.Descriptor.Name, type))
                throw new InvalidOperationException($"Two actions are named '{action.Descriptor.Name}': " +
                    $"{map[action.Descriptor.Name].Name} and {type.Name}.");
        }
        return map;
    }
}
