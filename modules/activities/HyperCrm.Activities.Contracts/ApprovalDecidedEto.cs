using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

[EventName("activities.approval.decided")]
public sealed record ApprovalDecidedEto(Guid ApprovalId, bool Approved, string DecidedBy, string? Comment, LinkKind LinkKind, Guid? LinkId, string? CorrelationKey);
