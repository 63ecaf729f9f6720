using HyperCrm.Identity.Users;
using Microsoft.AspNetCore.Identity;

namespace HyperCrm.Identity.Domain.Users;

/// <summary>
/// Long passphrases are welcome (no forced symbols or digits, NIST 800-63B), but a password must not be
/// absurdly long, nor contain the user's own email name.
/// </summary>
public sealed class PassphraseValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is null) return Task.FromResult(IdentityResult.Success);
        if (password.Length > UserConsts.MaxPasswordLength)
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong",
                Description = $"Passwords can be at most {UserConsts.MaxPasswordLength} characters." }));
        var localPart = user.Email?.Split('@')[0];
        if (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail",
                Description = "The password must not contain your email name." }));
        return Task.FromResult(IdentityResult.Success);
    }
}
