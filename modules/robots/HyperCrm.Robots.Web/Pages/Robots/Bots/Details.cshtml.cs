using System.Text.Json;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Robots.Web.Pages.Robots.Bots;

/// <summary>
/// A bot: its live definition, versions (diff against the draft, roll back), credentials (the password write-only),
/// pause and resume, a test run of the draft against the sandbox (watched live), and its latest runs.
/// </summary>
[Authorize(RobotsPermissions.Bots)]
public sealed class DetailsModel(BotAppService bots, IPermissionChecker permissions, IStringLocalizer<RobotsResource> l) : PageModel
{
    public Bot Bot { get; private set; } = null!;

    public BotDefinition Draft { get; private set; } = new();

    public IReadOnlyList<BotRun> Runs { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// <summary>An example of the parameters for a test run, from the draft's parameters.</summary>
    public string SampleParameters { get; private set; } = "{}";

    /// <summary>The version compared with the draft, and the lines of the difference.</summary>
    public int? DiffFrom { get; private set; }

    public IReadOnlyList<(char Kind, string Text)> Diff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int? diff)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (diff is { } number && Bot.Versions.FirstOrDefault(v => v.Number == number) is { } version)
        {
            DiffFrom = number;
            Diff = DiffPlex.DiffBuilder.InlineDiffBuilder.Diff(Pretty(version.Definition), Pretty(Bot.Draft)).Lines
                .Where(line => line.Type != DiffPlex.DiffBuilder.Model.ChangeType.Imaginary)
                .Select(line => (line.Type switch
                {
                    DiffPlex.DiffBuilder.Model.ChangeType.Inserted => '+',
                    DiffPlex.DiffBuilder.Model.ChangeType.Deleted => '-',
                    _ => ' ',
                }, line.Text)).ToList();
        }
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var bot = await bots.FindAsync(id, HttpContext.RequestAborted);
        if (bot is null) return false;
        Bot = bot;
        Draft = BotDefinition.FromJson(bot.Draft);
        Runs = await bots.GetRunsAsync(id, null, 20, HttpContext.RequestAborted);
        CanManage = await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots);
        SampleParameters = JsonSerializer.Serialize(Draft.Parameters.Where(p => p.Default is null).ToDictionary(p => p.Name,
            p => p.Name == "lines" ? (object)new[] { new { sku = "OOS-001", quantity = 5 } } : p.Name == "order_number" ? "1001"
                : p.Name == "reference" ? "TEST-1" : string.Empty), Indented);
        return true;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string Pretty(string json) => BotDefinition.FromJson(json).ToJson();

    public Task<IActionResult> OnPostPauseAsync(Guid id) => ManageAsync(id, () => bots.SetPausedAsync(id, true, HttpContext.RequestAborted),
        "Bots:PausedNow");

    public Task<IActionResult> OnPostResumeAsync(Guid id) => ManageAsync(id, () => bots.SetPausedAsync(id, false,
        HttpContext.RequestAborted), "Bots:ResumedNow");

    public Task<IActionResult> OnPostRollBackAsync(Guid id, int number) => ManageAsync(id, () => bots.RollBackAsync(id, number,
        HttpContext.RequestAborted), "Bots:RolledBack");

    public Task<IActionResult> OnPostCredentialsAsync(Guid id, string? userName, string? password) => ManageAsync(id,
        () => bots.SetCredentialsAsync(id, userName, password, HttpContext.RequestAborted), "Bots:CredentialsSaved");

    public async Task<IActionResult> OnPostTestAsync(Guid id, string? parameters)
    {
        if (!await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots)) return Forbid();
        try
        {
            var job = await bots.TestRunAsync(id, parameters ?? "{}", User.Identity?.Name ?? "?", HttpContext.RequestAborted);
            return Redirect($"/Robots/Runs/Details?job={job.Id}");
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
            return RedirectToPage(new { id });
        }
    }

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task> change, string done)
    {
        if (!await permissions.IsGrantedAsync(User, RobotsPermissions.ManageBots)) return Forbid();
        try
        {
            await change();
            TempData["Success"] = l[done].Value;
        }
        catch (BusinessException ex)
        {
            TempData["Error"] = HttpContext.ErrorText(ex);
        }
        return RedirectToPage(new { id });
    }
}
