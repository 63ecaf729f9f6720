using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Identity;

namespace HyperCrm.Identity.Domain.Users;

/// <summary>A staff member. ASP.NET Core Identity's user, plus what a CRM needs to know of its people.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; private set; } = string.Empty;
    public bool IsActive { get; private set; } = true;
    public DateTimeOffset CreationTime { get; private set; }
    public DateTimeOffset? LastSignInTime { get; private set; }

    /// <summary>True until the invited person has chosen a password.</summary>
    public bool InvitationPending { get; private set; }

    /// <summary>The time step of the last authenticator code accepted; a code is good once.</summary>
    public long? LastTotpStep { get; private set; }

    private AppUser() { }

    public AppUser(Guid id, string email, string displayName, DateTimeOffset now, bool invitationPending)
    {
        Id = id;
        Email = Check.NotNullOrWhiteSpace(email, nameof(email), Identity.Users.UserConsts.MaxEmailLength).Trim();
        UserName = Email;
        DisplayName = Check.NotNullOrWhiteSpace(displayName, nameof(displayName), Identity.Users.UserConsts.MaxDisplayNameLength).Trim();
        CreationTime = now;
        InvitationPending = invitationPending;
        EmailConfirmed = !invitationPending;
        LockoutEnabled = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void AcceptInvitation()
    {
        InvitationPending = false;
        EmailConfirmed = true;
    }

    public void RecordSignIn(DateTimeOffset now) => LastSignInTime = now;

    /// <summary>Remembers the time step of an accepted authenticator code; steps only move forward.</summary>
    public void TotpStepUsed(long step) => LastTotpStep = Math.Max(step, LastTotpStep ?? long.MinValue);
}
