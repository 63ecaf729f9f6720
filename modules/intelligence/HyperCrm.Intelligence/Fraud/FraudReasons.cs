using System.Globalization;
using HyperCrm.Framework.Localization;

namespace HyperCrm.Intelligence.Fraud;

/// <summary>A feature that raised a score, in words with the order's own figure ("amount is 14× this customer's average").</summary>
public static class FraudReasons
{
    public static Message Of(string feature, FraudFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var value = features.ValueOf(feature);
        return feature switch
        {
            nameof(FraudFeatures.AmountToCustomerAverage) => Message.Of("Intelligence:Reason:AmountToCustomerAverage",
                ("ratio", Ratio(value))),
            nameof(FraudFeatures.AmountToShopAverage) => Message.Of("Intelligence:Reason:AmountToShopAverage", ("ratio", Ratio(value))),
            nameof(FraudFeatures.CustomerAgeDays) => value < 1 ? Message.Of("Intelligence:Reason:NewCustomer")
                : Message.Of("Intelligence:Reason:CustomerAgeDays", ("days", (int)value)),
            nameof(FraudFeatures.EarlierOrders) => value < 1 ? Message.Of("Intelligence:Reason:NoEarlierOrders")
                : Message.Of("Intelligence:Reason:EarlierOrders", ("count", (int)value)),
            nameof(FraudFeatures.OrdersLastHour) => Message.Of("Intelligence:Reason:OrdersLastHour", ("count", (int)value)),
            nameof(FraudFeatures.CountryMismatch) => value > 0 ? Message.Of("Intelligence:Reason:CountryMismatch")
                : Message.Of("Intelligence:Reason:CountryMatches"),
            nameof(FraudFeatures.DisposableEmail) => value > 0 ? Message.Of("Intelligence:Reason:DisposableEmail")
                : Message.Of("Intelligence:Reason:OrdinaryEmail"),
            nameof(FraudFeatures.CardPayment) => value > 0 ? Message.Of("Intelligence:Reason:CardPayment")
                : Message.Of("Intelligence:Reason:NotCardPayment"),
            _ => Message.Of("Intelligence:Reason:Quantity", ("count", (int)value)),
        };
    }

    private static string Ratio(float value) =>
        (value >= 10 ? Math.Round(value) : Math.Round(value, 1)).ToString(CultureInfo.InvariantCulture);
}
