using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Localization;
using HyperCrm.Intelligence.Application;
using HyperCrm.Intelligence.Data;
using HyperCrm.Intelligence.Domain;
using HyperCrm.Intelligence.Fraud;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using PhoneNumbers;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// <c>ai.score_order</c>: the fraud-risk model scores the run's order from its features (amount against the customer's and
/// the shop's usual, customer age, orders in the last hour, phone and shipping countries, throwaway email, payment) and
/// says why: the score is stored with the model version, the input snapshot and the features that raised it, in words,
/// and put on the order (its page, the API's <c>riskScore</c> and <c>riskReasons</c>). It decides nothing by itself:
/// the rule holds, tasks or lets the order flow on.
/// </summary>
public sealed class ScoreOrderAction(IntelligenceDbContext db, RiskModelRegistry registry, IOrderIntegrationService orders,
    ICustomerIntegrationService customers, MessageFormatter words, TimeProvider clock) : IAutomationAction
{
    public ActionDescriptor Descriptor { get; } = new("ai.score_order", "intelligence",
        "Score the order's fraud risk with the current model, with its reasons", true, [])
    {
        Outputs =
        [
            new("score", FieldType.Number, "the probability of fraud, 0 to 1"),
            new("percent", FieldType.Number, "the same in whole percent, for messages"),
            new("risky", FieldType.Boolean, "whether the score reaches the model's threshold"),
            new("reasons", FieldType.Text, "the features that raised the score, in words"),
            new("model_version", FieldType.Number, "the model version that scored it"),
        ],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.SubjectKind != "order" || context.SubjectId is not { } orderId)
            throw new PermanentActionException("The run is not about an order.");
        var order = await orders.FindAsync(orderId, cancellationToken)
            ?? throw new PermanentActionException($"Order {orderId} does not exist.");
        var history = (await orders.GetHistoryAsync(orderId, cancellationToken))!;
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
        var features = Features(order, history, customer, clock.GetUtcNow());
        var (model, version) = await registry.CurrentAsync(db, cancellationToken);
        var (score, raised) = model.Score(features);
        var reasons = raised.Select(r => FraudReasons.Of(r.Feature, features)).ToList();
        // A person's decision about this order overrides the model for it (and is the label it learns from next).
        var decided = await db.RiskLabels.AsNoTracking().Where(l => l.OrderId == orderId).OrderByDescending(l => l.At)
            .FirstOrDefaultAsync(cancellationToken);
        var risky = decided?.Fraud ?? score >= model.Metrics.Threshold;
        db.RiskScores.Add(new OrderRiskScore(Guid.CreateVersion7(), orderId, version, score, risky, features, reasons,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await orders.RecordRiskAsync(orderId, (decimal)score, reasons, $"fraud-v{version}", ActorKind.Ai, context.RuleName,
            cancellationToken);
        var summary = decided is not null
            ? Message.Of(decided.Fraud ? "Intelligence:Run:DecidedFraud" : "Intelligence:Run:DecidedFine",
                ("score", Math.Round(score * 100)), ("by", decided.DecidedBy))
            : Message.Of(risky ? "Intelligence:Run:Risky" : "Intelligence:Run:Ordinary", ("score", Math.Round(score * 100)),
                ("version", version));
        return ActionResult.Done(summary, new Dictionary<string, object?>
        {
            ["score"] = score, ["percent"] = Math.Round(score * 100), ["risky"] = risky, ["model_version"] = version,
            ["reasons"] = string.Join("; ", reasons.Select(words.Format)),
        });
    }

    public static FraudFeatures Features(OrderDto order, OrderHistoryDto history, CustomerSummaryDto? customer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(history);
        return new FraudFeatures
        {
            AmountToCustomerAverage = history.EarlierAverageTotal is > 0 and var average ? (float)(order.Total / average) : 0,
            AmountToShopAverage = history.ShopAverageTotal > 0 ? (float)(order.Total / history.ShopAverageTotal) : 1,
            CustomerAgeDays = history.FirstOrderAt is { } first ? (float)Math.Max(0, (now - first).TotalDays) : 0,
            EarlierOrders = history.EarlierOrders,
            OrdersLastHour = history.OrdersLastHour,
            CountryMismatch = PhoneCountry(customer?.Phone) is { } country
                && !string.Equals(country, order.ShippingAddress.Country, StringComparison.OrdinalIgnoreCase) ? 1 : 0,
            DisposableEmail = DisposableEmailDomains.Contains(customer?.Email) ? 1 : 0,
            CardPayment = order.PaymentMethod == PaymentMethod.Card ? 1 : 0,
            Quantity = order.Lines.Sum(l => l.Quantity),
        };
    }

    private static string? PhoneCountry(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        try
        {
            var region = PhoneNumberUtil.GetInstance().GetRegionCodeForNumber(PhoneNumberUtil.GetInstance().Parse(phone, null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
