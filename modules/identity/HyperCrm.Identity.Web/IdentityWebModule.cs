using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Ui;
using HyperCrm.Framework.Web;
using HyperCrm.Identity.Web.Api;
using HyperCrm.Identity.Web.Authentication;
using HyperCrm.Identity.Web.Menus;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Identity.Web;

[DependsOn(typeof(IdentityModule))]
public sealed class IdentityWebModule : HyperModule
{
    public override void ConfigureServices(ServiceConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
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
        });
        services.AddSingleton<IMenuContributor, IdentityMenuContributor>();
    }

    public override void OnApplicationInitialization(ApplicationInitializationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Endpoints?.MapPartnerSelfEndpoints();
    }
}
