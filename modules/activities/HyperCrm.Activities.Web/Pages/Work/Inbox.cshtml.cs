using HyperCrm.Activities.Messages;
using HyperCrm.Framework.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Activities.Web.Pages.Work;

/// <summary>
/// The support inbox: customers' messages newest first, each with what triage read in it (intent, sentiment, how sure,
/// by which model), the customer and order it was matched to; filter by intent, mark handled.
/// </summary>
[Authorize(ActivitiesPermissions.Messages)]
public sealed class InboxModel(IMessageAppService messages) : PageModel
{
    public IReadOnlyList<InboundMessageDto> Messages { get; private set; } = [];

    public string? Intent { get; private set; }

    public bool All { get; private set; }

    public Guid? Selected { get; private set; }

    public static IReadOnlyList<string> Intents { get; } = ["order_status", "complaint", "return", "question", "other"];

    public async Task OnGetAsync(string? intent, bool all = false, Guid? id = null)
    {
        (Intent, All, Selected) = (Intents.Contains(intent) ? intent : null, all, id);
        Messages = await messages.GetListAsync(Intent, all, HttpContext.RequestAborted);
        if (id is { } wanted && Messages.All(m => m.Id != wanted))
        {
            try
            {
                Messages = [await messages.GetAsync(wanted, HttpContext.RequestAborted), .. Messages];
            }
            catch (EntityNotFoundException)
            {
                Selected = null;
            }
        }
    }

    public async Task<IActionResult> OnPostHandledAsync(Guid id, string? intent, bool all = false)
    {
        try
        {
            await messages.MarkHandledAsync(id, HttpContext.RequestAborted);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        return RedirectToPage(new { intent, all });
    }

    public static string SentimentBadge(string? sentiment) => sentiment switch
    {
        "negative" => "danger",
        "positive" => "success",
        _ => "light",
    };
}
