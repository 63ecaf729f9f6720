using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Jobs;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Robots.Automation;

/// <summary>
/// <c>rpa.run_bot</c>: puts a job in the bots' queue for the run's order — its number, a reference the bot can find its work
/// by, and its lines (those with the SKUs given, e.g. the ones the ERP lacks) — and waits until the job is over: the bot
/// did it, or a person did it by hand after the bot could not (the step is executed again then and reads the job's
/// outcome, so a wake-up lost or late changes nothing). Asking again from the same step finds the same job.
/// </summary>
public sealed class RunBotAction(BotJobs jobs, IOrderIntegrationService orders) : IAutomationAction
{
    public const string Name = "rpa.run_bot";
    public const string FinishedTrigger = "robots.job.finished";

    public ActionDescriptor Descriptor { get; } = new(Name, "robots",
        "Run a bot (an RPA robot working a web portal) for the order and wait until its job is done", true,
    [
        new("bot", FieldType.Text, true, "the bot's key", "supplier-purchase-order"),
        new("skus", FieldType.List, false, "only the order's lines with these SKUs (all lines when empty)",
            "{{steps.reserve.missing_skus}}"),
        new("wait_minutes", FieldType.Number, false, "how often the run looks at the job again if no news came", "30"),
        new("share_up_to", FieldType.Number, false,
            "join a queued job of the same bot for the same SKUs while each SKU's total stays within this (0: never)", "1000"),
    ])
    {
        Outputs =
        [
            new("status", FieldType.Text, "succeeded or done_by_person"),
            new("result", FieldType.Text, "what the bot read as its outcome (e.g. the purchase-order numbers)"),
            new("job_id", FieldType.Text, "the bot's job"),
        ],
        WaitsFor = FinishedTrigger,
        Emits = [FinishedTrigger],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var botKey = context.Text("bot") ?? throw new PermanentActionException("Name the bot to run (parameter 'bot').");
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId)
            throw new PermanentActionException("rpa.run_bot runs a bot for an order; this run is not about one.");
        var order = await orders.FindAsync(orderId, cancellationToken)
            ?? throw new PermanentActionException($"The order {orderId} does not exist.");
        var skus = Texts(context.Parameters.GetValueOrDefault("skus")).Select(s => s.ToUpperInvariant()).ToHashSet();
        var wanted = order.Lines.Where(l => skus.Count == 0 || skus.Contains(l.Sku.ToUpperInvariant())).Select(l => (l.Sku, l.Quantity))
            .ToList();
        if (wanted.Count == 0) throw new PermanentActionException("None of the order's lines has the SKUs given.");
        var parameters = new Dictionary<string, object?>
        {
            ["order_number"] = order.Number, ["reference"] = $"HC-{order.Number}",
            ["lines"] = wanted.Select(l => new Dictionary<string, object?> { ["sku"] = l.Sku, ["quantity"] = l.Quantity }).ToList(),
        };
        var number = order.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        void About(BotJob j) => j.About(order.Id, order.CustomerId, number);
        var upTo = (int)Math.Clamp(context.Number("share_up_to") ?? 0, 0, 100_000);
        var job = upTo > 0
            ? await jobs.EnqueueOrShareAsync(botKey, parameters, wanted, upTo, context.RuleName, context.IdempotencyKey, About,
                cancellationToken)
            : await jobs.WorkerOfAsync(await jobs.EnqueueAsync(botKey, parameters, context.RuleName, context.IdempotencyKey, About,
                cancellationToken: cancellationToken), cancellationToken);
        var outputs = new Dictionary<string, object?> { ["job_id"] = job.Id.ToString(), ["status"] = Status(job),
            ["result"] = Result(job) };
        if (job.State is BotJobState.Succeeded or BotJobState.DoneByPerson)
            return ActionResult.Done(Message.Of(job.State == BotJobState.Succeeded ? "Robots:Run:BotDone" : "Robots:Run:PersonDone",
                ("bot", job.BotName), ("outputs", job.OutputsText())), outputs);
        if (job.State == BotJobState.Cancelled) throw new PermanentActionException($"The bot's job {job.Id} was cancelled.");
        var minutes = (double)Math.Clamp(context.Number("wait_minutes") ?? 30, 1, 24 * 60);
        return ActionResult.Done(Message.Of(job.State == BotJobState.NeedsPerson ? "Robots:Run:WaitsForPerson" : "Robots:Run:Queued",
            ("bot", job.BotName)), outputs) with
        {
            Wait = new WaitRequest(FinishedTrigger, job.Id, TimeSpan.FromMinutes(minutes)) { ReturnHere = true },
        };
    }

    /// <summary>A list parameter as its texts: a list (a step's output), a JSON array (the same, read back) or "a, b".</summary>
    private static IEnumerable<string> Texts(object? value) => value switch
    {
        null => [],
        string text => ActionParameter.ActionNames(text),
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array
            => array.EnumerateArray().Select(e => e.ToString()).Where(e => e.Length > 0),
        System.Text.Json.JsonElement element => ActionParameter.ActionNames(element.ToString()),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? string.Empty).Where(i => i.Length > 0),
        _ => ActionParameter.ActionNames(value.ToString()),
    };

    private static string Status(BotJob job) => job.State switch
    {
        BotJobState.Succeeded => BotJobStatuses.Succeeded,
        BotJobState.DoneByPerson => BotJobStatuses.DoneByPerson,
        BotJobState.Cancelled => BotJobStatuses.Cancelled,
        BotJobState.NeedsPerson => "needs_person",
        _ => "queued",
    };

    /// <summary>The values of the bot's outcome, e.g. "PO-000012, PO-000013".</summary>
    private static string Result(BotJob job) => string.Join(", ", BotOutputs.Parse(job.Outputs).Values.LastOrDefault() ?? []);
}
