using System.Collections.Concurrent;
using HyperCrm.Automation.Data;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Automation.Engine;

/// <summary>Compiled programs of published versions (immutable, so compiled once per version and kept).</summary>
public sealed class RuleProgramCache(RuleCompiler compiler)
{
    private readonly ConcurrentDictionary<Guid, CompiledRule> _programs = new();

    public async Task<CompiledRule> GetAsync(AutomationDbContext db, Guid versionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_programs.TryGetValue(versionId, out var program)) return program;
        var version = await db.RuleVersions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        return _programs.GetOrAdd(versionId, _ => compiler.CompileOrThrow(version.Definition));
    }
}
