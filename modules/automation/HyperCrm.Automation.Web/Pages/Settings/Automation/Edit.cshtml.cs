using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using HyperCrm.Framework.Web;

namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>
/// The rule editor, built from the catalog: pick a trigger, write a condition (checked as you type, with the fields
/// you may use), add, reorder and remove steps, fill action parameters; save the draft or publish it.
/// Every button posts the whole form, so nothing typed is lost and the server checks every change.
/// </summary>
[Authorize(AutomationPermissions.Rules)]
public sealed class EditModel(IRuleAppService rules, IAuthorizationService authorization,
    IStringLocalizer<AutomationResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string Name { get; set; } = string.Empty;
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string Trigger { get; set; } = string.Empty;
    [BindProperty] public string? Condition { get; set; }
    [BindProperty] public string? Schedule { get; set; }
    [BindProperty] public List<StepForm> Steps { get; set; } = [];
    [BindProperty] public string? ConcurrencyStamp { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool AcceptLoopRisk { get; set; }

    public RuleDto Rule { get; private set; } = null!;
    public IReadOnlyList<TriggerDescriptor> Triggers { get; private set; } = [];
    public IReadOnlyList<ActionDescriptor> Actions { get; private set; } = [];

    /// <summary>The actions an agent may be granted as tools: those that run and return at once (no approval, no wait,
    /// no agent).</summary>
    public IReadOnlyList<ActionDescriptor> Tools => _tools ??= Actions.Where(a => a.Name != "activities.request_approval"
        && a.WaitsFor is null && !a.Parameters.Any(p => p.ActionList)).ToList();

    private IReadOnlyList<ActionDescriptor>? _tools;
    public IReadOnlyList<CatalogField> Fields { get; private set; } = [];
    public IReadOnlyList<DefinitionProblemDto> Problems { get; private set; } = [];
    public IReadOnlyList<string> Loops { get; private set; } = [];
    public bool CanPublish { get; private set; }

    public RuleDefinitionDto Definition => new() { Trigger = Trigger,
        Schedule = Trigger == "schedule" && !string.IsNullOrWhiteSpace(Schedule) ? Schedule.Trim()
            : null, Condition = string.IsNullOrWhiteSpace(Condition) ? null : Condition.Trim(), Steps = Steps.Select(s => s.ToDto())
                .ToList() };

    public async Task<IActionResult> OnGetAsync()
    {
        try
        {
            Rule = await rules.GetAsync(Id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        (Name, Description, Trigger, Condition, ConcurrencyStamp) = (Rule.Name, Rule.Description, Rule.Draft.Trigger, Rule.Draft.Condition,
            Rule.ConcurrencyStamp);
        Schedule = Rule.Draft.Schedule;
        Steps = Rule.Draft.Steps.Select(StepForm.From).ToList();
        return await ShowAsync();
    }

    /// <summary>Re-renders with what was typed (after a trigger or action was picked), checking it.</summary>
    public Task<IActionResult> OnPostRefreshAsync() => ShowAsync();

    /// <summary>The live check of the condition box and the whole definition, as an htmx fragment.</summary>
    public IActionResult OnPostValidate()
    {
        Load();
        return Partial("_Problems", this);
    }

    public async Task<IActionResult> OnPostAddAsync(string add)
    {
        var (path, kind) = Split(add);
        if (Enum.TryParse<StepKind>(kind, out var stepKind) && Find(path) is { } list)
            list.Add(new StepForm { Id = NewId(stepKind), Kind = stepKind,
                Minutes = stepKind is StepKind.Wait ? 60 : stepKind is StepKind.WaitForEvent or StepKind.Approval ? 24 * 60 : null });
        ModelState.Clear();
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostOpAsync(string op)
    {
        var (verb, target) = Split(op);
        var cut = target.LastIndexOf('/');
        var listPath = cut < 0 ? string.Empty : target[..cut];
        if (Find(listPath) is { } list && int.TryParse(cut < 0 ? target : target[(cut + 1)..],
            out var index) && index >= 0 && index < list.Count)
        {
            var step = list[index];
            switch (verb)
            {
                case "up" when index > 0:
                    (list[index - 1], list[index]) = (step, list[index - 1]);
                    break;
                case "down" when index < list.Count - 1:
                    (list[index + 1], list[index]) = (step, list[index + 1]);
                    break;
                case "remove":
                    list.RemoveAt(index);
                    break;
            }
        }
        ModelState.Clear();
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await SaveAsync()) TempData["Success"] = l["Rules:Saved"].Value;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded) return Forbid();
        if (!await SaveAsync()) return await ShowAsync();
        try
        {
            var version = await rules.PublishAsync(Id, Note, AcceptLoopRisk, HttpContext.RequestAborted);
            TempData["Success"] = l["Rules:Published", version.Number].Value;
            return RedirectToPage("./Versions", new { id = Id });
        }
        catch (BusinessException ex) when (ex.Code == "Automation:PossibleLoop")
        {
            Loops = ex.Details.GetValueOrDefault("loops") as IReadOnlyList<string> ?? [];
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        return await ShowAsync();
    }

    /// <summary>Turning a rule on or off changes what happens live, so it takes the publish permission.</summary>
    public async Task<IActionResult> OnPostEnableAsync(bool enabled)
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded) return Forbid();
        try
        {
            await rules.SetEnabledAsync(Id, enabled, HttpContext.RequestAborted);
            return RedirectToPage(new { id = Id });
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await OnGetAsync();
        }
    }

    public async Task<IActionResult> OnPostRunAsync(Guid? subjectId)
    {
        if (!(await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded) return Forbid();
        try
        {
            var run = await rules.StartManuallyAsync(Id, subjectId, HttpContext.RequestAborted);
            return RedirectToPage("./Run", new { id = run });
        }
        catch (BusinessException ex)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            return await OnGetAsync();
        }
    }

    public ActionDescriptor? ActionOf(StepForm step) =>
        step.Kind == StepKind.Approval ? Actions.FirstOrDefault(a => a.Name == "activities.request_approval") : Actions.FirstOrDefault(a =>
            a.Name == step.Action);

    private async Task<bool> SaveAsync()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), l["Rules:NameRequired"]);
            return false;
        }
        try
        {
            var saved = await rules.SaveDraftAsync(Id, Name, Description, Definition, ConcurrencyStamp, HttpContext.RequestAborted);
            ConcurrencyStamp = saved.ConcurrencyStamp;
            ModelState.Remove(nameof(ConcurrencyStamp));
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Rules:Conflict"]);
        }
        catch (BusinessException ex) when (ex is not EntityNotFoundException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
        }
        catch (ArgumentException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
        }
        return false;
    }

    private async Task<IActionResult> ShowAsync()
    {
        try
        {
            Rule = await rules.GetAsync(Id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        Load();
        CanPublish = (await authorization.AuthorizeAsync(User, AutomationPermissions.Publish)).Succeeded;
        return Page();
    }

    private void Load()
    {
        Triggers = rules.GetTriggers();
        Actions = rules.GetActions();
        Fields = rules.GetFields(Definition);
        Problems = rules.Validate(Definition);
    }

    /// <summary>The step list at a tree path: empty is the rule's steps, <c>1/then</c> the "then" steps of step 1, and so on.</summary>
    private List<StepForm>? Find(string path)
    {
        var list = Steps;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (!int.TryParse(parts[i], out var index) || index < 0 || index >= list.Count) return null;
            list = parts[i + 1] switch { "then" => list[index].Then, "else" => list[index].Else, _ => null };
            if (list is null) return null;
        }
        return parts.Length % 2 == 0 ? list : null;
    }

    private string NewId(StepKind kind)
    {
        var all = Flatten(Steps).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var stem = kind switch { StepKind.WaitForEvent => "wait-event", _ => kind.ToString().ToLowerInvariant() };
        for (var n = 1; ; n++)
            if (!all.Contains($"{stem}-{n}")) return $"{stem}-{n}";
    }

    private static IEnumerable<StepForm> Flatten(IEnumerable<StepForm> steps) => steps.SelectMany(s => new[] { s }.Concat(Flatten(s.Then))
        .Concat(Flatten(s.Else)));

    private static (string, string) Split(string? value)
    {
        var text = value ?? string.Empty;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (string.Empty, text) : (text[..bar], text[(bar + 1)..]);
    }
}
