using HyperCrm.Framework.Application;

namespace HyperCrm.Identity.Users;

public sealed record GetUserListInput : PagedInput
{
    public string? Filter { get; init; }
}
