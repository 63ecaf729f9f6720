using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework;
using HyperCrm.Framework.Events;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Modularity;
using HyperCrm.Framework.Security;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Activities;

public static class ActivitiesPermissions
{
    public const string GroupName = "Activities";
    public const string Tasks = GroupName + ".Tasks";
    public const string ManageAllTasks = Tasks + ".ManageAll";
    public const string Approvals = GroupName + ".Approvals";
    public const string Notes = GroupName + ".Notes";
}
