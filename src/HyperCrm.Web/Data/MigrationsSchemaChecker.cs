using HyperCrm.Framework.Hosting;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Web.Data;

public sealed class MigrationsSchemaChecker(HyperCrmMigrationsDbContext db) : IDatabaseSchemaChecker
{
    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) =>
        (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
}
