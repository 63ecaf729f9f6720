using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

public interface IActivitiesIntegrationService
{
    Task<Guid> RequestApprovalAsync(RequestApprovalInput input, CancellationToken cancellationToken = default);

    Task<Guid> CreateTaskAsync(CreateWorkTaskDto input, string createdBy, CancellationToken cancellationToken = default);

    Task NotifyAsync(Guid userId, string title, string? url, CancellationToken cancellationToken = default);
}
