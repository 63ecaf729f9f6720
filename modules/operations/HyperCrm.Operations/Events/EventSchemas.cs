using HyperCrm.Framework.Data;
using HyperCrm.Framework.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Operations.Events;

/// <summary>The schemas with an outbox, inbox and dead letters: one per module, found once from the registered outboxes.</summary>
public sealed class EventSchemas(IEnumerable<OutboxSource> sources, IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyList<string>> _all = new(() =>
    {
        using var scope = scopes.CreateScope();
        return sources.Distinct().Select(s => ((IHyperDbContext)scope.ServiceProvider.GetRequiredService(s.DbContextType)).Schema)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    });

    public IReadOnlyList<string> All => _all.Value;

    public bool Contains(string schema) => All.Contains(schema, StringComparer.Ordinal);
}
