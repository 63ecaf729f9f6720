using HyperCrm.Framework.Ui;
using Microsoft.AspNetCore.Mvc;

namespace HyperCrm.RazorUi.Components;

/// <summary>The sidebar: every module's menu contributions the current user may open.</summary>
public sealed class MainMenuViewComponent(MenuManager menus) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await menus.GetMainMenuAsync(HttpContext.User));
}
