using System.ComponentModel;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Web;
using ModelContextProtocol.Server;

namespace HyperCrm.Automation.Web.Mcp;

/// <summary>
/// Manual rules for outside assistants over MCP, staff only: list the rules a person may start by hand and start one (for an
/// order, customer or deal), with the same permission as the rule page's "Run now"; the run is audited under the person.
/// </summary>
[McpServerToolType]
public sealed class AutomationMcpTools(IRuleAppService rules)
{
    [McpServerTool(Name = "list_manual_rules", ReadOnly = true, Idempotent = true)]
    [Description("Lists the published, enabled rules that are started by hand.")]
    [McpAccess(AutomationPermissions.Rules)]
    public async Task<IReadOnlyList<object>> ListManualRulesAsync(CancellationToken cancellationToken = default) =>
        [.. (await rules.GetListAsync(cancellationToken)).Where(r => r.Trigger == "manual" && r.IsEnabled && r.ActiveVersion is not null)
            .Select(r => new { r.Id, r.Name, r.ActiveVersion, r.LastRunAt })];

    [McpServerTool(Name = "start_rule", Destructive = false, OpenWorld = true)]
    [Description("Starts a manual rule now, optionally for one order, customer or deal; returns the run's id "
        + "(see it in Settings → Automation → Runs).")]
    [McpAccess(AutomationPermissions.Publish)]
    public async Task<object> StartRuleAsync([Description("the rule's id (from list_manual_rules)")] Guid ruleId,
        [Description("the order, customer or deal the run is about")] Guid? subjectId = null,
            CancellationToken cancellationToken = default) =>
        new { runId = await rules.StartManuallyAsync(ruleId, subjectId, cancellationToken) };
}
