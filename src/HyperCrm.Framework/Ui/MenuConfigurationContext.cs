using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Ui;

public sealed class MenuConfigurationContext(ApplicationMenu menu, ClaimsPrincipal user, IStringLocalizerFactory localizers)
{
    public ApplicationMenu Menu { get; } = menu;
    public ClaimsPrincipal User { get; } = user;

    public IStringLocalizer Localizer<TResource>() => localizers.Create(typeof(TResource));
}
