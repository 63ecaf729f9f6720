using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Web.Api;
using HyperCrm.Identity.Web.Authentication;
using HyperCrm.Identity.Web.Menus;
using HyperCrm.RazorUi;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Identity.Web;

[DependsOn(typeof(IdentityModule), typeof(RazorUiModule))]
public sealed class IdentityWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Services.Configure<ErrorCodeOptions>(IdentityErrorCodes.Map);
        var services = context.Services;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = HyperApi.SelectorScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // One default for the whole app: the API authenticates and challenges by key, pages by the staff cookie.
            .AddPolicyScheme(HyperApi.SelectorScheme, "API key or staff cookie", o => o.ForwardDefaultSelector = context =>
                HyperApi.IsApiRequest(context) ? HyperApi.ApiKeyScheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(HyperApi.ApiKeyScheme, _ => { })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "HyperCrm.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Every cookie scheme (the staff cookie, the two-factor steps): __Host- and Secure whenever the request is HTTPS.
        services.PostConfigureAll<CookieAuthenticationOptions>(cookie =>
        {
            cookie.CookieManager = new HostPrefixedCookieManager();
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<IMenuContributor, IdentityMenuContributor>();
        services.AddHyperApplicationPart(typeof(IdentityWebModule).Assembly);
    }

    /// <summary>The API never redirects to a sign-in page: it answers the status (and the problem body the host adds).</summary>
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (HyperApi.IsApiRequest(context.HttpContext)) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapPartnerSelfEndpoints();
    }
}
