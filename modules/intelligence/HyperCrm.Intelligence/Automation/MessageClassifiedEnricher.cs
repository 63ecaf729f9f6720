using HyperCrm.Activities.Messages;
using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;

namespace HyperCrm.Intelligence.Automation;

/// <summary>
/// What rules read when triage has read a customer's message: the message (<c>message.*</c>, with its intent, sentiment and
/// confidence), its sender as a customer (<c>customer.*</c>) and the order it is about (<c>order.*</c>: the one it names,
/// else the customer's latest). The run is about that order, else the customer.
/// </summary>
public sealed class MessageClassifiedEnricher(IMessageIntegrationService messages, ICustomerIntegrationService customers,
    IOrderIntegrationService orders) : ITriggerEnricher
{
    public string EventName => "intelligence.message.classified";

    public IReadOnlyList<CatalogField> Fields { get; } =
    [
        new("message.id", FieldType.Text, "the message"),
        new("message.text", FieldType.Text, "what the customer wrote"),
        new("message.subject", FieldType.Text, "its subject line, if any"),
        new("message.channel", FieldType.Text, "email, sms, chat or other"),
        new("message.from", FieldType.Text, "the sender's email, else phone"),
        new("message.intent", FieldType.Text, "order_status, complaint, return, question or other"),
        new("message.sentiment", FieldType.Text, "negative, neutral or positive"),
        new("message.confidence", FieldType.Number, "how sure the model is of the intent, 0 to 1"),
        new("message.low_confidence", FieldType.Boolean, "true when a person should read it (below the confidence threshold)"),
        new("message.language", FieldType.Text, "ru or en"),
        new("customer.id", FieldType.Text, "the sender as a customer (empty: nobody matched)"),
        new("customer.name", FieldType.Text, "the customer's name"),
        new("customer.email", FieldType.Text, "the customer's email"),
        new("customer.phone", FieldType.Text, "the customer's phone"),
        new("customer.owner_id", FieldType.Text, "the staff member responsible for the customer"),
        new("customer.segment", FieldType.Text, "new, repeat or vip"),
        new("order.id", FieldType.Text, "the order it is about: the one named, else the customer's latest (empty: none)"),
        new("order.number", FieldType.Number, "that order's number"),
        new("order.status", FieldType.Text, "that order's status (new, shipped, completed…)"),
    ];

    public async Task<TriggerData> EnrichAsync(object eventData, IDictionary<string, object?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var classified = (MessageClassifiedEto)eventData;
        var message = await messages.FindAsync(classified.MessageId, cancellationToken);
        values["message.id"] = classified.MessageId.ToString();
        values["message.text"] = message?.Text;
        values["message.subject"] = message?.Subject;
        values["message.channel"] = message is null ? null : CatalogValues.WireName(message.Channel);
        values["message.from"] = message?.FromEmail ?? message?.FromPhone;
        values["message.intent"] = classified.Intent;
        values["message.sentiment"] = classified.Sentiment;
        values["message.confidence"] = (decimal)classified.Confidence;
        values["message.low_confidence"] = classified.LowConfidence;
        values["message.language"] = classified.Language;
        var customer = classified.CustomerId is { } customerId ? await customers.FindAsync(customerId, cancellationToken) : null;
        values["customer.id"] = customer?.Id.ToString();
        values["customer.name"] = customer?.Name;
        values["customer.email"] = customer?.Email;
        values["customer.phone"] = customer?.Phone;
        values["customer.owner_id"] = customer?.OwnerId?.ToString();
        values["customer.segment"] = customer?.Segment is { } segment ? CatalogValues.WireName(segment) : null;
        var order = classified.OrderId is { } orderId ? await orders.FindAsync(orderId, cancellationToken)
            : customer is null ? null : await orders.FindLatestOfCustomerAsync(customer.Id, cancellationToken);
        values["order.id"] = order?.Id.ToString();
        values["order.number"] = order is null ? null : (decimal)order.Number;
        values["order.status"] = order is null ? null : OrderStatusNames.WireName(order.Status);
        var summary = Message.Of("Intelligence:Run:MessageRead", ("intent", classified.Intent), ("sentiment", classified.Sentiment),
            ("confidence", Math.Round(classified.Confidence * 100)));
        return order is not null
            ? new TriggerData((IReadOnlyDictionary<string, object?>)values, "order", order.Id, summary)
            {
                Correlations = customer is null ? [order.Id, classified.MessageId] : [order.Id, customer.Id, classified.MessageId],
            }
            : new TriggerData((IReadOnlyDictionary<string, object?>)values, customer is null ? "message" : "customer",
                customer?.Id ?? classified.MessageId, summary) { Correlations = [customer?.Id ?? classified.MessageId] };
    }
}
