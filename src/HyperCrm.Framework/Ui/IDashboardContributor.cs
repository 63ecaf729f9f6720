using System.Security.Claims;

namespace HyperCrm.Framework.Ui;

/// <summary>A module's card on the home page (my tasks, my deals, orders needing attention…); null when the user may not see it.</summary>
public interface IDashboardContributor
{
    int Order { get; }

    Task<DashboardWidget?> GetWidgetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}

public sealed record DashboardWidget(string Name, string Title, IReadOnlyList<DashboardItem> Items, string EmptyText, string? MoreUrl = null);

/// <summary>One line of a widget; <see cref="Tone"/> is a Bootstrap colour name ("danger" for overdue, …).</summary>
public sealed record DashboardItem(string Text, string? Url = null, string? Meta = null, string? Tone = null);
