using HyperCrm.Identity.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Canary.Domain;

/// <summary>
/// A deliberately bad fixture: a "domain" type that talks to EF Core and to another module's internals.
/// The canary tests require the rules to flag it; if they ever pass it, the guard is broken.
/// </summary>
public sealed class LeakyOrder
{
    public DbContext? Database { get; set; }

    public AppUser? Owner { get; set; }
}
