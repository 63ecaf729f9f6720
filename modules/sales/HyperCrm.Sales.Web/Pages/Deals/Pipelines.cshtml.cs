using System.Globalization;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Web;
using HyperCrm.Sales.Deals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Sales.Web.Pages.Deals;

/// <summary>Admins configure pipelines: create one from a list of stages, add, rename, re-weight, reorder or remove stages.</summary>
[Authorize(SalesPermissions.Pipelines)]
public sealed class PipelinesModel(IDealAppService deals, IStringLocalizer<SalesResource> l) : PageModel
{
    public IReadOnlyList<PipelineDto> Pipelines { get; private set; } = [];

    public async Task OnGetAsync() => Pipelines = await deals.GetPipelinesAsync(HttpContext.RequestAborted);

    public Task<IActionResult> OnPostCreateAsync(string? name, string? stages) => RunAsync(async () =>
    {
        var parsed = new List<(string Name, int Probability)>();
        foreach (var line in (stages ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(',', 2, StringSplitOptions.TrimEntries);
            var probability = parts.Length > 1 && int.TryParse(parts[1].TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture,
                out var p) ? p : 50;
            parsed.Add((parts[0], probability));
        }
        await deals.CreatePipelineAsync(name ?? string.Empty, parsed, HttpContext.RequestAborted);
    });

    public Task<IActionResult> OnPostAddStageAsync(Guid pipelineId, string? name, int probability) =>
        RunAsync(() => deals.AddStageAsync(pipelineId, name ?? string.Empty, probability, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostChangeStageAsync(Guid pipelineId, Guid stageId, string? name, int probability) =>
        RunAsync(() => deals.ChangeStageAsync(pipelineId, stageId, name ?? string.Empty, probability, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostMoveStageAsync(Guid pipelineId, Guid stageId, int offset) =>
        RunAsync(() => deals.MoveStageAsync(pipelineId, stageId, offset, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRemoveStageAsync(Guid pipelineId, Guid stageId, Guid moveDealsTo) =>
        RunAsync(() => deals.RemoveStageAsync(pipelineId, stageId, moveDealsTo, HttpContext.RequestAborted));

    private async Task<IActionResult> RunAsync(Func<Task> action)
    {
        try
        {
            await action();
            TempData["Success"] = l["SavedSuccessfully"].Value;
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is BusinessException or ArgumentException)
        {
            ModelState.AddModelError(string.Empty, HttpContext.ErrorText(ex));
            await OnGetAsync();
            return Page();
        }
    }
}
