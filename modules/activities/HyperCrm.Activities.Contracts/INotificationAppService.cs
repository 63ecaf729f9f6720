using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

public interface INotificationAppService
{
    Task<IReadOnlyList<NotificationDto>> GetMineAsync(int limit = 50, CancellationToken cancellationToken = default);

    Task<int> CountUnreadAsync(CancellationToken cancellationToken = default);

    Task MarkAllReadAsync(CancellationToken cancellationToken = default);
}

/// <summary>What other modules (and the automation engine) may ask of activities.</summary>
