using Microsoft.ML.Data;

namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// What the fraud-risk model sees of an order, as numbers: how its amount compares with the customer's and the shop's
/// usual, how old the customer is to us, how many orders they placed in the last hour, and the signs that often go with
/// stolen cards (phone country not the shipping country, a throwaway email domain). <see cref="Label"/> is the truth for
/// training: a person's decision, or the synthetic set's.
/// </summary>
public sealed class FraudFeatures
{
    /// <summary>The order total over the customer's average earlier order (0: no earlier order).</summary>
    public float AmountToCustomerAverage { get; set; }

    /// <summary>The order total over the shop's average order.</summary>
    public float AmountToShopAverage { get; set; }

    /// <summary>Days since the customer's first order with us (0: this is it).</summary>
    public float CustomerAgeDays { get; set; }

    /// <summary>The customer's earlier orders.</summary>
    public float EarlierOrders { get; set; }

    /// <summary>The customer's orders in the last hour, this one included.</summary>
    public float OrdersLastHour { get; set; }

    /// <summary>1 when the phone's country is not the shipping country.</summary>
    public float CountryMismatch { get; set; }

    /// <summary>1 when the email's domain is a known throwaway one.</summary>
    public float DisposableEmail { get; set; }

    /// <summary>1 for a card payment.</summary>
    public float CardPayment { get; set; }

    /// <summary>How many items in all.</summary>
    public float Quantity { get; set; }

    [ColumnName("Label")]
    public bool Label { get; set; }

    /// <summary>The feature columns in the order the model concatenates them (and its contributions come back in).</summary>
    public static readonly string[] Names =
    [
        nameof(AmountToCustomerAverage), nameof(AmountToShopAverage), nameof(CustomerAgeDays), nameof(EarlierOrders),
        nameof(OrdersLastHour), nameof(CountryMismatch), nameof(DisposableEmail), nameof(CardPayment), nameof(Quantity),
    ];

    /// <summary>The features as the registry stores a score's input snapshot (a JSON object by feature name).</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(Names.ToDictionary(n => n, ValueOf));

    /// <summary>A stored snapshot back as features (a feature it lacks is 0), with the label a person gave it.</summary>
    public static FraudFeatures FromJson(string json, bool label)
    {
        var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, float>>(json) ?? [];
        float Get(string name) => values.GetValueOrDefault(name);
        return new FraudFeatures
        {
            AmountToCustomerAverage = Get(nameof(AmountToCustomerAverage)), AmountToShopAverage = Get(nameof(AmountToShopAverage)),
            CustomerAgeDays = Get(nameof(CustomerAgeDays)), EarlierOrders = Get(nameof(EarlierOrders)),
            OrdersLastHour = Get(nameof(OrdersLastHour)), CountryMismatch = Get(nameof(CountryMismatch)),
            DisposableEmail = Get(nameof(DisposableEmail)), CardPayment = Get(nameof(CardPayment)), Quantity = Get(nameof(Quantity)),
            Label = label,
        };
    }

    public float ValueOf(string name) => name switch
    {
        nameof(AmountToCustomerAverage) => AmountToCustomerAverage,
        nameof(AmountToShopAverage) => AmountToShopAverage,
        nameof(CustomerAgeDays) => CustomerAgeDays,
        nameof(EarlierOrders) => EarlierOrders,
        nameof(OrdersLastHour) => OrdersLastHour,
        nameof(CountryMismatch) => CountryMismatch,
        nameof(DisposableEmail) => DisposableEmail,
        nameof(CardPayment) => CardPayment,
        nameof(Quantity) => Quantity,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
