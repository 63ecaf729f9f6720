using HyperCrm.Automation.Data;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace HyperCrm.Automation.Application;

/// <summary>
/// The default playbook: the order-to-delivery scenario of ARCHITECTURE.md as ordinary, published rules built only
/// from catalog actions, seeded once (an admin may then edit, disable or roll them back like any other rule).
/// It covers steps 1–2 (orders arrive through the API or the shop's webhook), 3 (the fraud-risk score; risky orders
/// wait for a person), 4 (VIP orders, holding large first orders for approval), 5 (ERP customer order and
/// reservation), 6 (missing stock: a bot places a purchase order on the supplier's portal, a person takes over if it
/// cannot; when the delivery reaches the ERP, "fulfil-restocked-orders" reserves and ships), 7 (WMS pick task, waiting
/// for "picked"), 8 (courier shipment, tracking number), 9 (SMS, else email)
/// and 10 (courier's "delivered" → closed, ERP sale documents).
/// A rule whose trigger or actions no loaded module offers yet is seeded when that module is there.
/// </summary>
public sealed class PlaybookSeedContributor(AutomationDbContext db, IRuleAppService rules, IStringLocalizer<AutomationResource> l,
    IConfiguration configuration, ILogger<PlaybookSeedContributor> logger) : IDataSeedContributor
{
    private static Dictionary<string, string> P(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static StepDto Act(string id, string action, string? label, params (string Key, string Value)[] parameters) =>
        new() { Id = id, Kind = StepKind.Action, Action = action, Label = label, Parameters = P(parameters) };

    /// <summary>The step, undone by <paramref name="action"/> if the order is cancelled or a later step fails for good.</summary>
    private static StepDto UndoneBy(string action, StepDto step) => step with { Compensation = new CompensationDto { Action = action } };

    /// <summary>Tells the customer by SMS when they have a phone, else by email when they have an address.</summary>
    private static StepDto SmsElseEmail(string label, string sms, string subject, string email) => new()
    {
        Id = "hasphone", Kind = StepKind.Branch, Condition = "not isEmpty(customer.phone)", Label = "@HasPhone",
        Then = [Act("sms", "sms.send", label, ("to", "{{customer.phone}}"), ("text", sms))],
        Else =
        [
            new StepDto
            {
                Id = "hasemail", Kind = StepKind.Branch, Condition = "not isEmpty(customer.email)",
                Then = [Act("email", "email.send", label, ("to", "{{customer.email}}"), ("subject", subject), ("text", email))],
            },
        ],
    };

    /// <summary>
    /// Steps 5, 7, 8 and 9: ERP order and reservation; in stock → warehouse, courier, message; else awaiting stock. Each step
    /// with an effect outside declares what undoes it: a cancelled order has its shipment cancelled, its pick task
    /// cancelled (or its goods put back), its reserve released and its ERP order closed, in that order.
    /// </summary>
    private static List<StepDto> Fulfilment() =>
    [
        // Card orders: the total is held on the card first; a refusal (or no answer) puts the order on hold for a person.
        new StepDto
        {
            Id = "card", Kind = StepKind.Branch, Condition = "order.payment_method == 'card'", Label = "@PaysByCard",
            Then =
            [
                UndoneBy("payments.void", Act("pay", "payments.authorize", "@AuthorizeCard", ("wait_minutes", "60"))),
                new StepDto
                {
                    Id = "refused", Kind = StepKind.Branch, Label = "@CardRefused",
                    Condition = "steps.pay.status == 'declined' or event.status == 'declined' or wait.timed_out == true",
                    Then =
                    [
                        Act("payhold", "sales.change_order_status", null, ("status", "on_hold"), ("reason", "@PaymentDeclinedReason")),
                        Act("paytask", "activities.create_task", null, ("title", "@PaymentTask"), ("assignee", "{{customer.owner_id}}"),
                            ("priority", "high"), ("due_in_days", "1")),
                        new StepDto { Id = "awaitpay", Kind = StepKind.Stop, Label = "@WaitsForPayment" },
                    ],
                },
            ],
        },
        UndoneBy("erp.close_customer_order", Act("erp", "erp.create_customer_order", "@ErpOrder")),
        UndoneBy("erp.release_stock", Act("reserve", "erp.reserve_stock", "@ReserveStock")),
        new StepDto
        {
            Id = "instock", Kind = StepKind.Branch, Condition = "steps.reserve.reserved == true", Label = "@AllReserved",
            Then = InStock("@ReservedReason"),
            Else =
            [
                Act("awaiting", "sales.change_order_status", null, ("status", "awaiting_stock"), ("reason", "@StockMissingReason")),
                // Step 6: a bot orders the missing lines on the supplier's portal (a person takes over if it cannot); the
                // delivery reaches the ERP, and "fulfil-restocked-orders" reserves and ships the order.
                Act("buy", "rpa.run_bot", "@BuyFromSupplier", ("bot", "supplier-purchase-order"),
                    ("skus", "{{steps.reserve.missing_skus}}"), ("share_up_to", "1000")),
            ],
        },
    ];

    /// <summary>Steps 7–9 once the stock is reserved: warehouse, courier, card capture, the customer told.</summary>
    private static List<StepDto> InStock(string reservedReason) =>
    [
        Act("reserved", "sales.change_order_status", null, ("status", "reserved"), ("reason", reservedReason)),
        Act("picking", "sales.change_order_status", null, ("status", "picking"), ("reason", "@SentToWarehouse")),
        UndoneBy("wms.cancel_pick_task", Act("pick", "wms.create_pick_task", "@WarehousePicks", ("wait_minutes", "240"))),
        new StepDto
        {
            Id = "late", Kind = StepKind.Branch, Condition = "wait.timed_out", Label = "@WarehouseLate",
            Then =
            [
                Act("chasewms", "activities.create_task", null, ("title", "@ChaseWarehouse"),
                    ("priority", "urgent")),
                new StepDto { Id = "halt", Kind = StepKind.Stop, Label = "@PersonTakesOver" },
            ],
        },
        UndoneBy("courier.cancel_shipment", Act("ship", "courier.create_shipment", "@BookCourier")),
        Act("shipped", "sales.change_order_status", null, ("status", "shipped"), ("tracking_number",
            "{{steps.ship.tracking_number}}")),
        new StepDto
        {
            Id = "takepay", Kind = StepKind.Branch, Condition = "order.payment_method == 'card'", Label = "@PaysByCard",
            Then = [Act("capture", "payments.capture", "@CaptureCard")],
        },
        SmsElseEmail("@TellCustomer", "@SmsShipped", "@EmailShippedSubject", "@EmailShippedText"),
    ];

    /// <summary>
    /// Step 3: the fraud-risk model scores the order; a risky one is held with the model's reasons for a person, whose
    /// decision is recorded as a label (it overrides the model for this order and teaches the next version). Approved →
    /// released (and fulfilled by "fulfil-released-orders"); rejected → cancelled; nobody in a day → an urgent task.
    /// </summary>
    private static List<StepDto> RiskCheck() =>
    [
        Act("score", "ai.score_order", "@ScoreRisk"),
        new StepDto
        {
            Id = "risky", Kind = StepKind.Branch, Condition = "steps.score.risky == true", Label = "@LooksRisky",
            Then =
            [
                Act("riskhold", "sales.change_order_status", "@HoldOrder", ("status", "on_hold"), ("reason", "@RiskHoldReason")),
                new StepDto
                {
                    Id = "riskcheck", Kind = StepKind.Approval, Minutes = 24 * 60, Label = "@PersonDecides",
                    Parameters = P(("title", "@RiskApprovalTitle"), ("details", "@RiskApprovalDetails")),
                },
                new StepDto
                {
                    Id = "riskok", Kind = StepKind.Branch, Condition = "approval.approved == true", Label = "@IsApproved",
                    Then =
                    [
                        Act("notfraud", "ai.record_risk_decision", "@LabelFine", ("fraud", "false"),
                            ("decided_by", "{{approval.decided_by}}"), ("reason", "{{approval.comment}}")),
                        Act("riskrelease", "sales.change_order_status", null, ("status", "new"), ("reason", "@ApprovedBy")),
                    ],
                    Else =
                    [
                        new StepDto
                        {
                            Id = "riskoverdue", Kind = StepKind.Branch, Condition = "wait.timed_out", Label = "@NobodyDecided",
                            Then = [Act("riskchase", "activities.create_task", null, ("title", "@DecideTask"), ("priority", "urgent"))],
                            Else =
                            [
                                Act("fraud", "ai.record_risk_decision", "@LabelFraud", ("fraud", "true"),
                                    ("decided_by", "{{approval.decided_by}}"), ("reason", "{{approval.comment}}")),
                                Act("riskcancel", "sales.change_order_status", null, ("status", "cancelled"),
                                    ("reason", "@RejectedReason")),
                            ],
                        },
                    ],
                },
                new StepDto { Id = "riskdone", Kind = StepKind.Stop, Label = "@PersonDecided" },
            ],
        },
    ];

    /// <summary>The default playbook: each rule by its key; its name and description are texts of the Automation resource
    /// (<c>Playbook:{key}.Name</c>, <c>.Description</c>), and so are its labels, reasons and messages ("@Key" is
    /// <c>Playbook:Text.Key</c>), all seeded in the installation's language.</summary>
    public static IReadOnlyList<(string Key, RuleDefinitionDto Definition)> Playbook { get; } =
    [
        ("fulfil-orders",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Condition = "not (order.total >= 300000 and customer.orders_count <= 1)",
                Steps = [.. RiskCheck(), .. Fulfilment()],
            }),
        ("fulfil-released-orders",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.previous_status == 'on_hold' and order.new_status == 'new'",
                Steps = Fulfilment(),
            }),
        ("fulfil-restocked-orders",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.stock_arrived",
                Condition = "order.status == 'awaiting_stock'",
                Steps =
                [
                    UndoneBy("erp.release_stock", Act("reserve", "erp.reserve_stock", "@ReserveStock")),
                    new StepDto
                    {
                        Id = "instock", Kind = StepKind.Branch, Condition = "steps.reserve.reserved == true", Label = "@AllReserved",
                        Then = InStock("@RestockedReason"),
                    },
                ],
            }),
        ("courier-delivered",
            new RuleDefinitionDto
            {
                Trigger = "integrations.courier.status_changed",
                Condition = "event.status == 'delivered'",
                Steps =
                [
                    Act("delivered", "sales.change_order_status", null, ("status", "delivered"), ("reason", "@CourierDelivered")),
                    Act("sale", "erp.post_sale_documents", "@SaleDocuments"),
                ],
            }),
        ("payment-received",
            new RuleDefinitionDto
            {
                Trigger = "integrations.payment.status_changed",
                Condition = "event.status == 'authorized' and order.status == 'on_hold'",
                Steps =
                [
                    Act("release", "sales.change_order_status", null, ("status", "new"), ("reason", "@PaymentReceivedReason")),
                ],
            }),
        ("courier-returned",
            new RuleDefinitionDto
            {
                Trigger = "integrations.courier.status_changed",
                Condition = "event.status == 'returned'",
                Steps =
                [
                    Act("returned", "sales.change_order_status", null, ("status", "returned"), ("reason", "@CourierReturned")),
                ],
            }),
        ("handle-returns",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.new_status == 'returned'",
                Steps =
                [
                    Act("shipment", "courier.cancel_shipment", "@StopCourier"),
                    Act("goods", "erp.post_return", "@ReturnGoods"),
                    SmsElseEmail("@TellCustomer", "@SmsReturned", "@EmailReturnedSubject", "@EmailReturnedText"),
                    Act("cardback", "payments.refund", "@RefundCard"),
                    new StepDto
                    {
                        Id = "byperson", Kind = StepKind.Branch, Condition = "steps.cardback.refunded == false", Label = "@RefundByPerson",
                        Then =
                        [
                            Act("refund", "activities.create_task", null, ("title", "@RefundTask"),
                                ("assignee", "{{customer.owner_id}}"), ("priority", "high"), ("due_in_days", "1")),
                        ],
                    },
                ],
            }),
        ("vip-orders",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Condition = "customer.segment == 'vip' or contains(customer.tags, 'vip') or order.total >= 100000",
                Steps =
                [
                    new StepDto
                    {
                        Id = "task", Kind = StepKind.Action, Action = "activities.create_task", Label = "@ManagerCall",
                        Parameters = new Dictionary<string, string>
                        {
                            ["title"] = "@VipTask", ["assignee"] = "{{customer.owner_id}}",
                            ["priority"] = "high", ["due_in_days"] = "1",
                        },
                    },
                    new StepDto
                    {
                        Id = "has-manager", Kind = StepKind.Branch, Condition = "not isEmpty(customer.owner_id)", Label = "@HasManager",
                        Then =
                        [
                            new StepDto
                            {
                                Id = "notify", Kind = StepKind.Action, Action = "activities.notify",
                                Parameters = new Dictionary<string, string>
                                {
                                    ["user"] = "{{customer.owner_id}}", ["title"] = "@VipNotification",
                                    ["url"] = "/Orders/Details?id={{order.id}}",
                                },
                            },
                        ],
                    },
                ],
            }),
        ("hold-large-first-orders",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Condition = "order.total >= 300000 and customer.orders_count <= 1",
                Steps =
                [
                    new StepDto
                    {
                        Id = "hold", Kind = StepKind.Action, Action = "sales.change_order_status", Label = "@HoldOrder",
                        Parameters = new Dictionary<string, string> { ["status"] = "on_hold",
                            ["reason"] = "@HoldReason" },
                    },
                    new StepDto
                    {
                        Id = "approve", Kind = StepKind.Approval, Minutes = 24 * 60, Label = "@PersonDecides",
                        Parameters = new Dictionary<string, string>
                        {
                            ["title"] = "@ApprovalTitle",
                            ["details"] = "@ApprovalDetails",
                        },
                    },
                    new StepDto
                    {
                        Id = "decided", Kind = StepKind.Branch, Condition = "approval.approved == true", Label = "@IsApproved",
                        Then =
                        [
                            new StepDto
                            {
                                Id = "release", Kind = StepKind.Action, Action = "sales.change_order_status",
                                Parameters = new Dictionary<string, string> { ["status"] = "new",
                                    ["reason"] = "@ApprovedBy" },
                            },
                        ],
                        Else =
                        [
                            new StepDto
                            {
                                Id = "overdue", Kind = StepKind.Branch, Condition = "wait.timed_out", Label = "@NobodyDecided",
                                Then =
                                [
                                    new StepDto
                                    {
                                        Id = "chase", Kind = StepKind.Action, Action = "activities.create_task",
                                        Parameters = new Dictionary<string, string> { ["title"] = "@DecideTask",
                                            ["priority"] = "urgent" },
                                    },
                                ],
                                Else =
                                [
                                    new StepDto
                                    {
                                        Id = "cancel", Kind = StepKind.Action, Action = "sales.change_order_status",
                                        Parameters = new Dictionary<string, string> { ["status"] = "cancelled",
                                            ["reason"] = "@RejectedReason" },
                                    },
                                ],
                            },
                        ],
                    },
                ],
            }),
        ("order-deals",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.created",
                Steps = [Act("deal", "sales.open_order_deal", "@OpenDeal")],
            }),
        ("order-deal-outcome",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.new_status == 'completed' or order.new_status == 'cancelled' or order.new_status == 'failed'"
                    + " or order.new_status == 'returned'",
                Steps =
                [
                    new StepDto
                    {
                        Id = "completed", Kind = StepKind.Branch, Condition = "order.new_status == 'completed'", Label = "@OrderCompleted",
                        Then = [Act("won", "sales.close_order_deal", "@DealWon", ("won", "true"))],
                        Else = [Act("lost", "sales.close_order_deal", "@DealLost", ("won", "false"), ("reason", "@DealLostReason"))],
                    },
                ],
            }),
        ("angry-complaints",
            new RuleDefinitionDto
            {
                Trigger = "intelligence.message.classified",
                Condition = "message.intent == 'complaint' and message.sentiment == 'negative' and not isEmpty(order.id)"
                    + " and order.status != 'completed' and order.status != 'cancelled' and order.status != 'returned'",
                Steps =
                [
                    Act("urgent", "activities.create_task", "@ManagerCall", ("title", "@AngryComplaintTask"),
                        ("description", "{{message.text}}"), ("assignee", "{{customer.owner_id}}"), ("priority", "urgent"),
                        ("due_in_days", "1")),
                ],
            }),
        ("agent-complaints",
            new RuleDefinitionDto
            {
                Trigger = "intelligence.message.classified",
                Condition = "message.intent == 'complaint' and message.sentiment == 'negative' and not isEmpty(order.id)"
                    + " and order.status != 'completed' and order.status != 'cancelled' and order.status != 'returned'",
                Steps =
                [
                    Act("agent", "ai.agent", "@AgentHandlesComplaint", ("goal", "@AgentComplaintGoal"),
                        ("tools", "sales.get_order, customers.get_timeline, activities.attach_draft_reply, activities.create_task"),
                        ("max_turns", "6"), ("seconds", "60"), ("on_failure", "continue")),
                    new StepDto
                    {
                        Id = "fallback", Kind = StepKind.Branch, Condition = "steps.agent.succeeded == false", Label = "@AgentFellBack",
                        Then =
                        [
                            Act("reply", "ai.draft_message", "@DraftReply", ("kind", "reply"), ("language", "{{message.language}}"),
                                ("customer_name", "{{customer.name}}"), ("order_number", "{{order.number}}"), ("text", "{{message.text}}"),
                                ("intent", "{{message.intent}}"), ("message_id", "{{message.id}}")),
                            Act("urgent", "activities.create_task", "@ManagerCall", ("title", "@AngryComplaintTask"),
                                ("description", "{{message.text}}"), ("assignee", "{{customer.owner_id}}"), ("priority", "urgent"),
                                ("due_in_days", "1")),
                        ],
                    },
                ],
            }),
        ("unsure-messages",
            new RuleDefinitionDto
            {
                Trigger = "intelligence.message.classified",
                Condition = "message.low_confidence == true",
                Steps =
                [
                    Act("read", "activities.create_task", "@PersonReads", ("title", "@ReadMessageTask"),
                        ("description", "{{message.text}}"),
                        ("assignee", "{{customer.owner_id}}"), ("priority", "normal"), ("due_in_days", "1")),
                ],
            }),
        ("draft-replies",
            new RuleDefinitionDto
            {
                Trigger = "intelligence.message.classified",
                Condition = "message.intent != 'other' or message.sentiment == 'negative'",
                Steps = [Act("reply", "ai.draft_message", "@DraftReply", ("kind", "reply"), ("language", "{{message.language}}"),
                    ("customer_name", "{{customer.name}}"), ("order_number", "{{order.number}}"), ("text", "{{message.text}}"),
                    ("intent", "{{message.intent}}"), ("message_id", "{{message.id}}"))],
            }),
        ("review-request",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.new_status == 'completed'",
                Steps =
                [
                    new StepDto
                    {
                        Id = "settle", Kind = StepKind.WaitForEvent, Event = "sales.order.status_changed", Minutes = 3 * 24 * 60,
                        Label = "@ThreeDaysLater",
                    },
                    new StepDto
                    {
                        Id = "kept", Kind = StepKind.Branch, Condition = "wait.timed_out == true", Label = "@StillKept",
                        Then =
                        [
                            Act("review", "ai.draft_message", "@DraftReview", ("kind", "review_request"),
                                ("customer_name", "{{customer.name}}"), ("order_number", "{{order.number}}")),
                            SmsElseEmail("@AskReview", "{{steps.review.text}}", "@ReviewSubject", "{{steps.review.text}}"),
                        ],
                        Else = [new StepDto { Id = "changed", Kind = StepKind.Stop, Label = "@OrderChangedMeanwhile" }],
                    },
                ],
            }),
        ("complete-delivered",
            new RuleDefinitionDto
            {
                Trigger = "sales.order.status_changed",
                Condition = "order.new_status == 'delivered'",
                Steps =
                [
                    new StepDto
                    {
                        Id = "complete", Kind = StepKind.Action, Action = "sales.change_order_status",
                        Parameters = new Dictionary<string, string> { ["status"] = "completed", ["reason"] = "@DeliveredReason" },
                    },
                ],
            }),
    ];

    /// <summary>Examples an admin turns on deliberately: the agent needs a language model and replaces "angry-complaints".</summary>
    private static readonly HashSet<string> SeededDisabled = ["agent-complaints"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seeded = await db.Rules.Where(r => r.PlaybookKey != null).Select(r => r.PlaybookKey!).ToListAsync(cancellationToken);
        var triggers = rules.GetTriggers().Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var actions = rules.GetActions().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        using var language = InstallationCulture.Use(InstallationCulture.Of(configuration));
        foreach (var (key, definition) in Playbook.Where(p => !seeded.Contains(p.Key)))
        {
            var name = l[$"Playbook:{key}.Name"].Value;
            var description = l[$"Playbook:{key}.Description"].Value;
            if (!triggers.Contains(definition.Trigger) || ActionsOf(definition.Steps).Any(a => !actions.Contains(a)))
            {
                logger.LogInformation("Playbook rule {Rule} waits for the module that offers its trigger or actions", name);
                continue;
            }
            var rule = await rules.CreateAsync(name, description, definition with { Steps = Worded(definition.Steps) }, cancellationToken);
            await db.Rules.Where(r => r.Id == rule.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PlaybookKey, key), cancellationToken);
            // "Delivered → completed" listens to the status changes it causes; its condition breaks the circle.
            await rules.PublishAsync(rule.Id, l["Playbook:Text.PublishNote"].Value, acceptLoopRisk: true, cancellationToken);
            if (SeededDisabled.Contains(key)) await rules.SetEnabledAsync(rule.Id, false, cancellationToken);
            logger.LogInformation("Seeded playbook rule {Rule}", name);
        }
    }

    /// <summary>
    /// Labels and texts written "@Key" are the Automation resource's "Playbook:Text.Key", in the installation's language.
    /// </summary>
    private List<StepDto> Worded(IEnumerable<StepDto> steps) =>
        steps.Select(s => s with
        {
            Label = Text(s.Label),
            Parameters = s.Parameters.ToDictionary(p => p.Key, p => Text(p.Value)!, StringComparer.Ordinal),
            Compensation = s.Compensation is { } undo ? undo with { Parameters = undo.Parameters.ToDictionary(p => p.Key,
                p => Text(p.Value)!, StringComparer.Ordinal) } : null,
            Then = Worded(s.Then),
            Else = Worded(s.Else),
        }).ToList();

    private string? Text(string? value) => value is ['@', .. var key] ? l[$"Playbook:Text.{key}"].Value : value;

    private static IEnumerable<string> ActionsOf(IEnumerable<StepDto> steps) =>
        steps.SelectMany(s => new[] { s.Action, s.Compensation?.Action }.OfType<string>().Concat(ActionsOf(s.Then))
            .Concat(ActionsOf(s.Else)));
}
