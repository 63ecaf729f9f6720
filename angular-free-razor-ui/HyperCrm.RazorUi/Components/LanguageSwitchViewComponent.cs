using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.RazorUi.Components;

/// <summary>The EN/RU buttons: each leads to <c>/culture/{code}</c>, which sets the culture cookie and comes back here.</summary>
public sealed class LanguageSwitchViewComponent : ViewComponent
{
    public static readonly IReadOnlyList<string> Languages = ["en", "ru"];

    public IViewComponentResult Invoke(bool small = false) => View(new LanguageSwitchModel(
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
        Request.Path + Request.QueryString,
        small));
}
