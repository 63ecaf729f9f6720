using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using HyperCrm.Activities.Web;
using HyperCrm.Customers.Web;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Settings;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Web;
using HyperCrm.RazorUi;
using HyperCrm.Sales.Web;
using HyperCrm.Sandbox;
using HyperCrm.Web.Data;
using HyperCrm.Web.Hosting;
using HyperCrm.Web.Menus;
using HyperCrm.Web.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Npgsql;
using Scalar.AspNetCore;

namespace HyperCrm.Web;

/// <summary>The host: composes the modules, owns the pipeline, OpenAPI, health and the migrations (the layout is the UI shell's).</summary>
[DependsOn(typeof(RazorUiModule), typeof(IdentityWebModule), typeof(CustomersWebModule), typeof(SalesWebModule),
    typeof(ActivitiesWebModule), typeof(HyperCrm.Automation.Web.AutomationWebModule),
    typeof(HyperCrm.Integrations.Web.IntegrationsWebModule), typeof(HyperCrm.Intelligence.Web.IntelligenceWebModule),
    typeof(HyperCrm.Robots.Web.RobotsWebModule), typeof(HyperCrm.Analytics.Web.AnalyticsWebModule),
    typeof(HyperCrm.Operations.Web.OperationsWebModule))]
public sealed class HyperCrmWebModule : HyperModule
{
    public const long MaxRequestBodyBytes = 1024 * 1024;
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("ru")];

    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;

        services.AddDbContext<HyperCrmMigrationsDbContext>((sp, o) => o.UseHyperNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<IDatabaseSchemaChecker, MigrationsSchemaChecker>();

        services.AddHyperApplicationPart(typeof(HyperCrmWebModule).Assembly);
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new UnhandledPostFilter()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_,
                factory) => factory.Create(typeof(SharedResource)));
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<GuardRefusalFilter>());
        // SIGTERM: requests under way and the steps workers are doing get this long to finish (SignalledWorker.DrainTime).
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<StoppingState>();
        // Russian text goes out as UTF-8, not as &#x…; entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Cyrillic,
            UnicodeRanges.GeneralPunctuation, UnicodeRanges.Latin1Supplement));
        services.AddAuthorizationBuilder()
            // Anything without its own policy needs a signed-in person, or (for the API's own 404/405/415 answers) a valid key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(HyperApi.SelectorScheme).RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "HyperCrm.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        AddProxySupport(services, context.Configuration);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // The W3C trace id of the request, as in the logs and in the exported traces.
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString()
                ?? c.HttpContext.TraceIdentifier;
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Malformed JSON, wrong types and unknown enum values throw, so the exception handler can name the problem.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            // NUL, control characters and broken surrogates in any string are a 400 naming the field, not a failed write.
            o.SerializerOptions.Converters.Add(new SafeStringJsonConverter());
            o.SerializerOptions.MaxDepth = 32;
        });
        services.AddOpenApi(o => o.AddHyperTransformers());
        AddRateLimiting(services, context.Configuration);
        services.AddHyperMcp();
        services.AddHyperTelemetry(context.Configuration);
        services.AddHyperHealthChecks();

        services.AddSingleton<IMenuContributor, PlatformMenuContributor>();
        // The simulators of the outside world, when asked for, on loopback only.
        if (context.Configuration.GetValue("Sandbox:Enabled", false))
        {
            SandboxExposure.EnsureLoopbackOnly((context.Configuration["HYPERCRM_URLS"] ?? DefaultUrls).Split(';',
                StringSplitOptions.RemoveEmptyEntries),
                context.Configuration.GetValue("Sandbox:AllowRemote", false));
            services.AddSandbox(context.Configuration);
        }
        services.AddSingleton<ISettingDefinitionProvider, PlatformSettingDefinitionProvider>();
    }

    /// <summary>Runs first of all initializers: the pipeline, so that modules only map their endpoints.</summary>
    public override void OnPreApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var app = context.App ?? throw new InvalidOperationException("The web module needs a web application.");
        // First: behind a trusted reverse proxy the scheme and client address are the proxy's client's, for everything after.
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseExceptionHandler("/Error");
        app.UseWhen(HyperApi.IsMachineRequest, api => api.UseStatusCodePages());
        app.UseWhen(c => !HyperApi.IsMachineRequest(c), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?status={0}"));
        app.UseSecurityHeaders();
        app.UseGracefulStop();
        app.UseMetricsAccess();
        app.UseStaticFiles();
        app.UseReadinessGate();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRequestBodyLimit(MaxRequestBodyBytes);
        app.UseFormTextSafety();
        app.UseQueryChecks();
        // After authentication, so a valid API key is known by its partner and an invalid one counts against its address.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseIdempotencyKeys();
        app.UseAntiforgery();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoints = context.Endpoints!;
        endpoints.MapRazorPages();
        endpoints.MapHealthEndpoints();
        if (endpoints.ServiceProvider.GetService<OpenTelemetry.Metrics.MeterProvider>() is not null)
            endpoints.MapPrometheusScrapingEndpoint(MetricsAccess.Path).AllowAnonymous();
        endpoints.MapHyperMcp();
        endpoints.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
            {
                if (SupportedCultures.Any(c => c.Name == culture))
                {
                    http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                        new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true,
                            SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
                }
                return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        if (endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Sandbox:Enabled", false)) endpoints.MapSandbox();
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference("/api/docs",
            o => o.WithTitle("HyperCrm API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
        var apiPerMinute = configuration.GetValue("RateLimiting:PermitsPerMinute", 1200);
        var signInPerMinute = configuration.GetValue("RateLimiting:SignInPerMinute", 20);
        var hooksPerMinute = configuration.GetValue("RateLimiting:HooksPerMinute", 3000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per partner's key, per person's token (MCP), else per address.
            o.AddPolicy(RateLimitPolicies.Api, http => PerMinute(
                http.User.PartnerId() is { } partner ? "partner:" + partner
                : http.User.FindFirst(HyperClaimTypes.TokenId) is { } token ? "token:" + token.Value
                : "api-ip:" + http.Connection.RemoteIpAddress, apiPerMinute));
            // Reading the sign-in page is free; each attempt (password or code) counts against the address.
            o.AddPolicy(RateLimitPolicies.SignIn, http => HttpMethods.IsPost(http.Request.Method)
                ? PerMinute("sign-in:" + http.Connection.RemoteIpAddress, signInPerMinute)
                : RateLimitPartition.GetNoLimiter("sign-in:read"));
            o.AddPolicy(RateLimitPolicies.Hooks, http => PerMinute("hooks:" + http.Connection.RemoteIpAddress, hooksPerMinute));
            o.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter,
                    out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await HostMiddleware.WriteProblemAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"Too many requests; retry after {retryAfter} s.", "Common:RateLimited");
            };
        });
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });

    /// <summary>
    /// Behind a reverse proxy: X-Forwarded-For and -Proto are believed only from the proxies and networks configured
    /// (<c>ForwardedHeaders:KnownProxies:N</c>, <c>ForwardedHeaders:KnownNetworks:N</c> as CIDR; loopback by default), so
    /// cookies are Secure and links https behind TLS, and rate limits and the audit log see the real client. HSTS is sent
    /// on HTTPS requests.
    /// </summary>
    private static void AddProxySupport(IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // The header only goes out on HTTPS requests; a loopback host behind a local TLS proxy gets it too.
            o.ExcludedHosts.Clear();
        });
    }
}
