using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HyperCrm.Activities.Web.Pages.Work;

/// <summary>Every signed-in person sees their own notifications (the fallback policy requires sign-in).</summary>
public sealed class NotificationsModel(INotificationAppService notifications) : PageModel
{
    public IReadOnlyList<NotificationDto> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await notifications.GetMineAsync(cancellationToken: HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await notifications.MarkAllReadAsync(HttpContext.RequestAborted);
        return RedirectToPage();
    }
}
