using HyperCrm.Customers.Timeline;

namespace HyperCrm.Analytics.Domain;

/// <summary>
/// Who did a step, as the KPIs count them: a person (<see cref="Human"/>), a rule, a bot, AI, a connector (an ERP, WMS,
/// courier, SMS or payment call a rule made), a scheduled job, a partner (the shop or an API client), or the system.
/// </summary>
public static class ResourceKinds
{
    public const string Human = "human";
    public const string Rule = "rule";
    public const string Bot = "bot";
    public const string Ai = "ai";
    public const string Connector = "connector";
    public const string Job = "job";
    public const string Partner = "partner";
    public const string System = "system";

    public static readonly IReadOnlyList<string> All = [Human, Rule, Bot, Ai, Connector, Job, Partner, System];

    /// <summary>The prefixes of the steps a connector action records (the integrations module's catalog names).</summary>
    private static readonly string[] ConnectorSteps = ["erp.", "wms.", "courier.", "sms.", "payments.", "email."];

    /// <summary>The kind of an order step's actor; a rule's step that is a connector's call counts as the connector's.</summary>
    public static string Of(ActorKind actor, string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return actor switch
        {
            ActorKind.Human => Human,
            ActorKind.Partner => Partner,
            ActorKind.Bot => Bot,
            ActorKind.Ai => Ai,
            ActorKind.Job => Job,
            ActorKind.Rule when ConnectorSteps.Any(p => activity.StartsWith(p, StringComparison.Ordinal)) => Connector,
            ActorKind.Rule => Rule,
            _ when activity.StartsWith("payment.", StringComparison.Ordinal) => Connector,
            _ => System,
        };
    }

    /// <summary>Who published a rule or a bot: a person, or the installation seeding its defaults (published as "system" by
    /// the playbook's seeding, as "HyperCrm" by the robots'), whose time to market means nothing.</summary>
    public static string OfPublisher(string publishedBy) => publishedBy is "system" or "HyperCrm" ? System : Human;

    /// <summary>Whether a step of this kind was done with no person of ours (a partner's own acts are not ours to count).</summary>
    public static bool IsAutomated(string kind) => kind is Rule or Bot or Ai or Connector or Job or System;
}
