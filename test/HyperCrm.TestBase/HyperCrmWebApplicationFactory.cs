using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HyperCrm.Framework.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace HyperCrm.TestBase;

/// <summary>
/// The real app (every module, the real pipeline) on a fresh migrated PostgreSQL database, hosted exactly as
/// Program.cs hosts it. Waits until the app reports ready (migrated and seeded) before a test runs.
/// </summary>
public partial class HyperCrmWebApplicationFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "correct horse battery staple";
    public const string PartnerName = "test-shop";
    public const string PartnerKey = "test-shop-key-0123456789abcdef-0123456789";

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The app's real address when it listens on a loopback port (<see cref="OnLoopbackPort"/>).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>
    /// True for the app on a real Kestrel port on 127.0.0.1 (any free one) instead of the in-memory test server. The port
    /// comes from HYPERCRM_URLS as the app binds it: WebApplicationFactory's UseKestrel(port) rewrites the addresses
    /// after the app's own thread may already have bound them, a race that fails on a slow machine.
    /// </summary>
    protected virtual bool OnLoopbackPort => false;

    /// <summary>False for a test that needs the app on an empty, unmigrated database.</summary>
    protected virtual bool MigratedDatabase => true;

    /// <summary>A database that is already there (a restored backup): used as it is, and not dropped afterwards.</summary>
    protected virtual string? ExistingDatabase => null;

    /// <summary>Configuration on top of the defaults, as environment variables would give it.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = Route(ExistingDatabase ?? await TestPostgres.CreateDatabaseAsync(MigratedDatabase));
        if (OnLoopbackPort) UseKestrel();
        StartServer();
        if (OnLoopbackPort)
        {
            BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        }
        if (MigratedDatabase) await WaitUntilReadyAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (ExistingDatabase is null) await TestPostgres.DropDatabaseAsync(ConnectionString);
    }

    /// <summary>The connection string the app gets for its database (a test may send it through a hop it controls).</summary>
    protected virtual string Route(string connectionString) => connectionString;

    public async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<DatabaseReadiness>().WaitUntilReadyAsync(timeout.Token);
        // Ready also means the scheduler runs; it starts right after the database is found ready.
        var scheduler = Services.GetRequiredService<HyperCrm.Framework.Scheduling.SchedulerStarter>();
        while (scheduler.Scheduler is null) await Task.Delay(20, timeout.Token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = ConnectionString,
            ["HYPERCRM_ADMIN_EMAIL"] = AdminEmail,
            ["HYPERCRM_ADMIN_PASSWORD"] = AdminPassword,
            ["HYPERCRM_BOOTSTRAP_API_KEYS"] = $"{PartnerName}:{PartnerKey}",
            ["Outbox:PollInterval"] = "00:00:00.500",
            // Tests sign in many times a minute from one address; the limit itself is tested with its own setting.
            ["RateLimiting:SignInPerMinute"] = "10000",
        };
        if (OnLoopbackPort) settings["HYPERCRM_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>Places a one-line order through the partner API as the bootstrap partner; answers the order as JSON.</summary>
    public async Task<System.Text.Json.JsonElement> PlaceOrderAsync(string externalId, string email, string name, string sku = "SKU-011")
    {
        var response = await CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId, currency = "RUB", customer = new { email, name },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" }, paymentMethod = "card",
            lines = new[] { new { sku, quantity = 1, unitPrice = 100m } },
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> on the app's database (for checks a test makes).</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Runs <paramref name="sql"/> on the app's database (a test setting the stage: a trigger, a fault).</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A client that calls the partner API with an API key (the bootstrap partner's by default).</summary>
    public HttpClient CreatePartnerClient(string key = PartnerKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>Creates (or reuses) a partner and returns a new key of it with the given scopes (every scope when none).</summary>
    public async Task<string> CreatePartnerKeyAsync(string partnerName, params string[] scopes)
    {
        await using var scope = Services.CreateAsyncScope();
        var partners = scope.ServiceProvider.GetRequiredService<HyperCrm.Identity.Partners.IPartnerAppService>();
        var partner = (await partners.GetListAsync()).FirstOrDefault(p => p.Name == partnerName)
                      ?? await partners.CreateAsync(new HyperCrm.Identity.Partners.CreatePartnerDto { Name = partnerName,
                          DisplayName = partnerName });
        var granted = scopes.Length == 0 ? [.. HyperCrm.Identity.ApiKeys.ApiScopes.All] : scopes.ToList();
        return (await partners.CreateKeyAsync(partner.Id, new HyperCrm.Identity.Partners.CreateApiKeyDto { Name = "test",
            Scopes = granted })).PlainKey;
    }

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser a test can inspect.</summary>
    public virtual HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real login form (antiforgery included) and returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateBrowserClient();
        var response = await PostFormAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} " +
                $"{await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public const string StaffPassword = "a perfectly long passphrase";

    /// <summary>Creates an active staff user in a role (password <see cref="StaffPassword"/>) and signs them in.</summary>
    public async Task<HttpClient> SignInAsStaffAsync(string email, string role)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users =
                scope.ServiceProvider
                    .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HyperCrm.Identity.Domain.Users.AppUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new HyperCrm.Identity.Domain.Users.AppUser(Guid.NewGuid(), email, email.Split('@')[0], DateTimeOffset.UtcNow,
                    invitationPending: false);
                if (!(await users.CreateAsync(user, StaffPassword)).Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
                    throw new InvalidOperationException($"Could not create {email} in role {role}.");
            }
        }
        return await SignInAsync(email, StaffPassword);
    }

    /// <summary>GETs the page, takes its antiforgery token, and POSTs the form fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IDictionary<string, string> fields,
        string? pageUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(pageUrl ?? url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {pageUrl ?? url}.");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
