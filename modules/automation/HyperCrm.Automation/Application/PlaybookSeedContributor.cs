using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Automation.Application;

/// <summary>
/// The default playbook: the order-to-delivery scenario of ARCHITECTURE.md as ordinary, published rules built only
/// from catalog actions, seeded once (an admin may then edit, disable or roll them back like any other rule).
/// It covers what the modules offer today: VIP orders (step 4), holding large first orders for approval (step 4),
/// and closing delivered orders (step 10). The ERP, WMS, courier and SMS steps join when the integrations land.
/// </summary>
public sealed class PlaybookSeedContributor(AutomationDbContext db, IRuleAppService rules, ILogger<PlaybookSeedContributor> logger) : IDataSeedContributor
{
    public static IReadOnlyList<(string Key, string Name, string Description, RuleDefinitionDto Definition)> Playbook { get; } =
    [
        ("vip-orders", "VIP orders: the customer's manager calls",
            "An order from a VIP customer (tagged vip) or over 100,000 gets a task for the customer's manager, who is also notified.",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Condition = "contains(customer.tags, 'vip') or order.total >= 100000",
                Steps =
                [
                    new StepDto
                    {
                        Id = "task", Kind = StepKind.Action, Action = "activities.create_task", Label = "a call for the manager",
                        Parameters = new Dictionary<string, string>
                        {
                            ["title"] = "VIP order #{{order.number}}: call {{customer.name}}", ["assignee"] = "{{customer.owner_id}}",
                            ["priority"] = "high", ["due_in_days"] = "1",
                        },
                    },
                    new StepDto
                    {
                        Id = "has-manager", Kind = StepKind.Branch, Condition = "not isEmpty(customer.owner_id)", Label = "the customer has a manager",
                        Then =
                        [
                            new StepDto
                            {
                                Id = "notify", Kind = StepKind.Action, Action = "activities.notify",
                                Parameters = new Dictionary<string, string>
                                {
                                    ["user"] = "{{customer.owner_id}}", ["title"] = "VIP order #{{order.number}}: {{order.total}} {{order.currency}}",
                                    ["url"] = "/Orders/Details?id={{order.id}}",
                                },
                            },
                        ],
                    },
                ],
            }),
        ("hold-large-first-orders", "Large first orders wait for approval",
            "A first order over 300,000 is put on hold until a person approves it; approved orders go on, rejected ones are cancelled.",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Condition = "order.total >= 300000 and customer.orders_count <= 1",
                Steps =
                [
                    new StepDto
                    {
                        Id = "hold", Kind = StepKind.Action, Action = "sales.change_order_status", Label = "hold the order",
                        Parameters = new Dictionary<string, string> { ["status"] = "on_hold", ["reason"] = "a large first order waits for approval" },
                    },
                    new StepDto
                    {
                        Id = "approve", Kind = StepKind.Approval, Minutes = 24 * 60, Label = "a person decides",
                        Parameters = new Dictionary<string, string>
                        {
                            ["title"] = "Release order #{{order.number}} for {{order.total}} {{order.currency}}?",
                            ["details"] = "{{customer.name}} ({{customer.email}}) places a first order of {{order.total}} {{order.currency}}.",
                        },
                    },
                    new StepDto
                    {
                        Id = "decided", Kind = StepKind.Branch, Condition = "approval.approved == true", Label = "approved?",
                        Then =
                        [
                            new StepDto
                            {
                                Id = "release", Kind = StepKind.Action, Action = "sales.change_order_status",
                                Parameters = new Dictionary<string, string> { ["status"] = "new", ["reason"] = "approved by {{approval.decided_by}}" },
                            },
                        ],
                        Else =
                        [
                            new StepDto
                            {
                                Id = "overdue", Kind = StepKind.Branch, Condition = "wait.timed_out", Label = "nobody decided in time",
                                Then =
                                [
                                    new StepDto
                                    {
                                        Id = "chase", Kind = StepKind.Action, Action = "activities.create_task",
                                        Parameters = new Dictionary<string, string> { ["title"] = "Decide on held order #{{order.number}}", ["priority"] = "urgent" },
                                    },
                                ],
                                Else =
                                [
                                    new StepDto
                                    {
                                        Id = "cancel", Kind = StepKind.Action, Action = "sales.change_order_status",
                                        Parameters = new Dictionary<string, string> { ["status"] = "cancelled", ["reason"] = "rejected: {{approval.comment}}" },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            }),
        ("complete-delivered", "Delivered orders are completed",
            "When the courier reports an order delivered, the order is closed.",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.new_status == 'delivered'",
                Steps =
                [
                    new StepDto
                    {
                        Id = "complete", Kind = StepKind.Action, Action = "sales.change_order_status",
                        Parameters = new Dictionary<string, string> { ["status"] = "completed", ["reason"] = "delivered" },
                    },
                ],
            }),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seeded = await db.Rules.Where(r => r.PlaybookKey != null).Select(r => r.PlaybookKey!).ToListAsync(cancellationToken);
        foreach (var (key, name, description, definition) in Playbook.Where(p => !seeded.Contains(p.Key)))
        {
            var rule = await rules.CreateAsync(name, description, definition, cancellationToken);
            await db.Rules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PlaybookKey, key), cancellationToken);
            // "Delivered → completed" listens to the status changes it causes; its condition breaks the circle.
            await rules.PublishAsync(rule.Id, "default playbook", acceptLoopRisk: true, cancellationToken);
            logger.LogInformation("Seeded playbook rule {Rule}", name);
        }
    }
}
