using Microsoft.AspNetCore.Identity;

namespace HyperCrm.Identity.Domain.Users;

public sealed class AppRole : IdentityRole<Guid>
{
    /// <summary>Seeded roles (admin, sales, support) cannot be deleted or renamed.</summary>
    public bool IsStatic { get; private set; }

    private AppRole() { }

    public AppRole(Guid id, string name, bool isStatic)
        : base(name)
    {
        Id = id;
        IsStatic = isStatic;
    }
}
