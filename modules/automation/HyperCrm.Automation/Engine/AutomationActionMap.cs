using HyperCrm.Automation.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Automation.Engine;

/// <summary>
/// The actions rules may call, read once: each action's descriptor (for the catalog) and its type, so a step resolves only
/// the action it names from its scope instead of every action of every module on every step.
/// </summary>
public sealed class AutomationActionMap(IEnumerable<AutomationActionRegistration> registrations, IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyDictionary<string, (Type Type, ActionDescriptor Descriptor)>> _actions =
        new(() => Build(registrations, scopes));

    /// <summary>Every action's descriptor, by name.</summary>
    public IReadOnlyList<ActionDescriptor> Descriptors =>
        _actions.Value.Values.Select(a => a.Descriptor).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    /// <summary>The action named <paramref name="name"/> from <paramref name="services"/> (the step's scope); null when no module offers
    /// it.</summary>
    public IAutomationAction? Resolve(IServiceProvider services, string name) =>
        _actions.Value.TryGetValue(name, out var action) ? (IAutomationAction)services.GetRequiredService(action.Type) : null;

    private static Dictionary<string, (Type, ActionDescriptor)> Build(IEnumerable<AutomationActionRegistration> registrations,
        IServiceScopeFactory scopes)
    {
        // A descriptor is an action's instance data: read each once, in a scope of its own.
        using var scope = scopes.CreateScope();
        var map = new Dictionary<string, (Type Type, ActionDescriptor Descriptor)>(StringComparer.Ordinal);
        foreach (var type in registrations.Select(r => r.ActionType).Distinct())
        {
            var descriptor = ((IAutomationAction)scope.ServiceProvider.GetRequiredService(type)).Descriptor;
            if (!map.TryAdd(descriptor.Name, (type, descriptor)))
                throw new InvalidOperationException(
                    $"Two actions are named '{descriptor.Name}': {map[descriptor.Name].Type.Name} and {type.Name}.");
        }
        return map;
    }
}
