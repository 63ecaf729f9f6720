using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

public sealed record ApprovalDto(
    Guid Id, string Title, string? Details, ApprovalStatus Status, LinkKind LinkKind, Guid? LinkId, Guid? CustomerId,
    string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>A human decision something waits for (a rule, later the automation engine): approve or reject with a comment.</summary>
