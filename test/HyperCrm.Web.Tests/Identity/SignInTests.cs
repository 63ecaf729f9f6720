using System.Net;
using HyperCrm.Identity.Data;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Identity;

public sealed class SignInTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task The_Right_Password_Should_Sign_In_And_Be_Audited()
    {
        var client = await app.SignInAsync();

        (await client.GetStringAsync("/")).ShouldContain("data-testid=\"welcome\"");
        (await AuditActionsAsync(HyperCrmWebApplicationFactory.AdminEmail)).ShouldContain("sign_in.succeeded");
    }

    [Fact]
    public async Task A_Wrong_Password_Should_Be_Refused_With_A_Message_And_Audited()
    {
        var client = app.CreateBrowserClient();

        var response = await HyperCrmWebApplicationFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = HyperCrmWebApplicationFactory.AdminEmail,
            ["Input.Password"] = "not the password at all",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Wrong email or password.");
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await AuditActionsAsync(HyperCrmWebApplicationFactory.AdminEmail)).ShouldContain("sign_in.failed");
    }

    [Fact]
    public async Task Five_Failures_Should_Lock_The_Account_Even_Against_The_Right_Password()
    {
        const string email = "lockme@test.local";
        const string password = "this is the right passphrase";
        await CreateUserAsync(email, password);
        var client = app.CreateBrowserClient();
        for (var i = 0; i < 5; i++) await PostLoginAsync(client, email, "wrong passphrase " + i);

        // Without the password, a locked account looks like any wrong guess: the lock is not news to a stranger.
        var guess = await (await PostLoginAsync(client, email, "still guessing")).Content.ReadAsStringAsync();
        guess.ShouldContain("Wrong email or password.");
        guess.ShouldNotContain("locked");

        var response = await PostLoginAsync(client, email, password);

        (await response.Content.ReadAsStringAsync()).ShouldContain("the account is locked for 15 minutes");
        (await AuditActionsAsync(email)).ShouldContain("sign_in.locked_out");
    }

    [Fact]
    public async Task Two_Factor_Should_Be_Required_Once_Enabled_And_Accept_A_Totp_Code()
    {
        const string email = "totp@test.local";
        const string password = "my phone is my second factor";
        await CreateUserAsync(email, password);
        var client = await app.SignInAsync(email, password);

        var setup = await client.GetStringAsync("/Account/Manage/TwoFactor");
        var key = System.Text.RegularExpressions.Regex.Match(setup, "secret=([A-Z2-7]+)").Groups[1].Value;
        key.ShouldNotBeEmpty();
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var enabled = await HyperCrmWebApplicationFactory.PostFormAsync(client, "/Account/Manage/TwoFactor?handler=Enable",
            new Dictionary<string, string> { ["Code"] = totp.ComputeTotp() }, "/Account/Manage/TwoFactor");
        (await enabled.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"recovery-codes\"");

        var fresh = app.CreateBrowserClient();
        var first = await PostLoginAsync(fresh, email, password);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        first.Headers.Location!.ToString().ShouldContain("/Account/LoginWith2fa");
        (await fresh.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var wrong = await HyperCrmWebApplicationFactory.PostFormAsync(fresh, "/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Code"] = "000000" }, first.Headers.Location.ToString());
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("That code is not valid.");
        // Two steps old is outside the window (one step of drift either way).
        var stale = await HyperCrmWebApplicationFactory.PostFormAsync(fresh, "/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(-75)) },
                first.Headers.Location.ToString());
        (await stale.Content.ReadAsStringAsync()).ShouldContain("That code is not valid.");
        // The next step's code: always later than the one that turned two-factor on, and within the window.
        var code = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var second = await HyperCrmWebApplicationFactory.PostFormAsync(fresh, "/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Code"] = code }, first.Headers.Location.ToString());
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await fresh.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same code again (a shoulder-surfer, a replayed request) is refused.
        var thief = app.CreateBrowserClient();
        var thiefFirst = await PostLoginAsync(thief, email, password);
        var replay = await HyperCrmWebApplicationFactory.PostFormAsync(thief, "/Account/LoginWith2fa",
            new Dictionary<string, string> { ["Code"] = code }, thiefFirst.Headers.Location!.ToString());
        replay.StatusCode.ShouldBe(HttpStatusCode.OK,
            $"{replay.Headers.Location} after {(int)thiefFirst.StatusCode} {thiefFirst.Headers.Location}");
        (await replay.Content.ReadAsStringAsync()).ShouldContain("That code is not valid.");
        (await thief.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Turning it off needs the password (or a fresh code), not just the session.
        var unconfirmed = await HyperCrmWebApplicationFactory.PostFormAsync(fresh, "/Account/Manage/TwoFactor?handler=Disable",
            new Dictionary<string, string> { ["confirmation"] = "not my password" }, "/Account/Manage/TwoFactor");
        (await unconfirmed.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"disable-two-factor\"");
        (await TwoFactorEnabledAsync(email)).ShouldBeTrue();
        var confirmed = await HyperCrmWebApplicationFactory.PostFormAsync(fresh, "/Account/Manage/TwoFactor?handler=Disable",
            new Dictionary<string, string> { ["confirmation"] = password }, "/Account/Manage/TwoFactor");
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await TwoFactorEnabledAsync(email)).ShouldBeFalse();
    }

    private async Task<bool> TwoFactorEnabledAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Users.Where(u => u.Email == email).Select(u =>
            u.TwoFactorEnabled).SingleAsync();
    }

    [Fact]
    public async Task An_Invited_User_Should_Set_A_Password_Then_Sign_In_And_Be_Denied_Admin_Pages()
    {
        var admin = await app.SignInAsync();
        var invite = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Identity/Users/Invite", new Dictionary<string, string>
        {
            ["Input.Email"] = "sasha@test.local",
            ["Input.DisplayName"] = "Sasha",
            ["Input.Roles"] = "sales",
        });
        invite.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await admin.GetStringAsync("/Identity/Users/Invite");
        (await admin.GetStringAsync("/Identity/Users/Invite")).ShouldNotContain("data-testid=\"invitation-link\"");
        var link = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(html,
            "data-testid=\"invitation-link\">([^<]+)<").Groups[1].Value);
        link.ShouldContain("/Account/AcceptInvite?userId=");
        var path = new Uri(link).PathAndQuery;

        var guest = app.CreateBrowserClient();
        (await PostLoginAsync(guest, "sasha@test.local", "whatever it is")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mismatch = await HyperCrmWebApplicationFactory.PostFormAsync(guest, path, new Dictionary<string, string>
        {
            ["Password"] = "tall ships and salt water", ["ConfirmPassword"] = "something else entirely",
        });
        (await mismatch.Content.ReadAsStringAsync()).ShouldContain("The passwords do not match.");
        var accepted = await HyperCrmWebApplicationFactory.PostFormAsync(guest, path, new Dictionary<string, string>
        {
            ["Password"] = "tall ships and salt water", ["ConfirmPassword"] = "tall ships and salt water",
        });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var sales = await app.SignInAsync("sasha@test.local", "tall ships and salt water");
        var denied = await sales.GetAsync("/Identity/Users");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await sales.GetStringAsync("/")).ShouldNotContain("data-menu=\"Identity.Users\"");
        (await (await sales.GetAsync("/Account/AccessDenied")).Content.ReadAsStringAsync()).ShouldContain("Access denied");
        (await (await HyperCrmWebApplicationFactory.PostFormAsync(guest, path, new Dictionary<string, string>
        {
            ["Password"] = "a second try at it", ["ConfirmPassword"] = "a second try at it",
        }, "/Account/Login")).Content.ReadAsStringAsync()).ShouldContain("invalid or has already been used");
    }

    [Fact]
    public async Task A_Disabled_User_Should_Not_Sign_In()
    {
        const string email = "gone@test.local";
        var id = await CreateUserAsync(email, "soon to be disabled for good");
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HyperCrm.Identity.Users.IUserAppService>().SetActiveAsync(id, false);

        var guess = await (await PostLoginAsync(app.CreateBrowserClient(), email, "a wrong guess at it")).Content.ReadAsStringAsync();
        guess.ShouldContain("Wrong email or password.");
        guess.ShouldNotContain("disabled");

        var response = await PostLoginAsync(app.CreateBrowserClient(), email, "soon to be disabled for good");

        (await response.Content.ReadAsStringAsync()).ShouldContain("This account is disabled");
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        HyperCrmWebApplicationFactory.PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    private async Task<Guid> CreateUserAsync(string email, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users =
            scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HyperCrm.Identity.Domain.Users.AppUser>>();
        var user = new HyperCrm.Identity.Domain.Users.AppUser(Guid.NewGuid(), email, email.Split('@')[0], DateTimeOffset.UtcNow,
            invitationPending: false);
        (await users.CreateAsync(user, password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, "support")).Succeeded.ShouldBeTrue();
        return user.Id;
    }

    private async Task<List<string>> AuditActionsAsync(string subject)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().SecurityAuditLog
            .Where(e => e.Subject == subject).Select(e => e.Action).ToListAsync();
    }
}
