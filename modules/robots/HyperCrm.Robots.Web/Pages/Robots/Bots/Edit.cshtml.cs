using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Bots;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Robots.Web.Pages.Robots.Bots;

/// <summary>
/// The bot editor: name, hosts, parameters, expected outcome and steps as rows. Saving checks the definition and names each
/// problem's field (nothing is saved with a problem); publishing makes the saved draft the live version.
/// </summary>
[Authorize(RobotsPermissions.ManageBots)]
public sealed class EditModel(BotAppService bots, IStringLocalizer<RobotsResource> l) : PageModel
{
    [BindProperty]
    public BotForm Form { get; set; } = new();

    public Bot Bot { get; private set; } = null!;

    public IReadOnlyList<BotDefinitionProblem> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await bots.FindAsync(id, HttpContext.RequestAborted) is not { } bot) return NotFound();
        Bot = bot;
        Form = BotForm.From(bot, BotDefinition.FromJson(bot.Draft)).WithBlanks();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? publish, string? note)
    {
        if (await bots.FindAsync(id, HttpContext.RequestAborted) is not { } bot) return NotFound();
        Bot = bot;
        // A value that is not even of its type (a timeout of "abc") is named by the binder; nothing is saved.
        if (!ModelState.IsValid)
        {
            Problems = [.. ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => new BotDefinitionProblem(e.Key, "Problem:Value"))];
            Form = Form.WithBlanks();
            return Page();
        }
        try
        {
            Problems = await bots.SaveDraftAsync(id, Form.Name, Form.Description, Form.ToDefinition(), HttpContext.RequestAborted);
            if (Problems.Count == 0 && publish is not null)
                Problems = await bots.PublishAsync(id, User.Identity?.Name ?? "?", note, HttpContext.RequestAborted);
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
            return RedirectToPage(new { id });
        }
        if (Problems.Count > 0)
        {
            foreach (var p in Problems) ModelState.AddModelError(p.Field, Describe(p));
            Form = Form.WithBlanks();
            return Page();
        }
        TempData["Success"] = l[publish is null ? "Bots:DraftSaved" : "Bots:Published"].Value;
        return Redirect($"/Robots/Bots/Details?id={id}");
    }

    public string Describe(BotDefinitionProblem problem) => $"{problem.Field}: {l["Problem:" + problem.Key.Split(':')[^1],
        problem.Arguments].Value}";
}
