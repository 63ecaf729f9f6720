using HyperCrm.Framework.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Framework.Outbox;

/// <summary>
/// The schema of each registered outbox (one per module, with its inbox and dead letters beside it), found once from the
/// modules' DbContexts: what the dispatcher's one look over every outbox and the operations console's probes read.
/// </summary>
public sealed class OutboxSchemas(IEnumerable<OutboxSource> sources, IServiceScopeFactory scopes)
{
    private readonly Lazy<IReadOnlyDictionary<Type, string>> _byContext = new(() =>
    {
        using var scope = scopes.CreateScope();
        return sources.Select(s => s.DbContextType).Distinct()
            .ToDictionary(t => t, t => ((IHyperDbContext)scope.ServiceProvider.GetRequiredService(t)).Schema);
    });

    private IReadOnlyList<string>? _all;

    /// <summary>Every outbox's schema, in order.</summary>
    public IReadOnlyList<string> All =>
        _all ??= [.. _byContext.Value.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public bool Contains(string schema) => All.Contains(schema, StringComparer.Ordinal);

    /// <summary>The schema of <paramref name="source"/>'s outbox.</summary>
    public string Of(OutboxSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _byContext.Value[source.DbContextType];
    }
}
