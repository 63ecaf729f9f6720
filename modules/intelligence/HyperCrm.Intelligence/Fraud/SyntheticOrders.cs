namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// The labelled orders the first model learns from, until the CRM has enough decisions of its own: generated from a fixed
/// seed, so the same version of this class always yields the same rows (and the same model). About a fifth are fraud.
/// Honest orders: a third are first orders; amounts near the customer's and the shop's usual (log-normal around 1×);
/// one order in the hour; a few mismatched phone countries and throwaway emails. Fraud: mostly first orders of new
/// customers; amounts several times the usual (log-normal around 6–8×); bursts of orders in the hour; mismatched
/// countries and throwaway emails common; nearly always by card. The groups overlap on purpose (a generous repeat
/// customer, a fraudster with a plausible basket), so the model must weigh the signs together.
/// </summary>
public static class SyntheticOrders
{
    public const int DefaultSeed = 20261130;

    /// <summary>Bump when the distributions change: the registry records which generator a model learned from.</summary>
    public const string Generator = "synthetic-v1";

    public static List<FraudFeatures> Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var random = new Random(seed);
        var rows = new List<FraudFeatures>(count);
        for (var i = 0; i < count; i++) rows.Add(random.NextDouble() < 0.2 ? Fraud(random) : Honest(random));
        return rows;
    }

    private static FraudFeatures Honest(Random r)
    {
        var first = r.NextDouble() < 0.33;
        return new FraudFeatures
        {
            AmountToCustomerAverage = first ? 0 : (float)LogNormal(r, 1.0, 0.45),
            AmountToShopAverage = (float)LogNormal(r, 1.0, 0.6),
            CustomerAgeDays = first ? 0 : (float)(r.NextDouble() * 900 + 3),
            EarlierOrders = first ? 0 : 1 + (float)Math.Floor(-Math.Log(1 - r.NextDouble()) * 4),
            OrdersLastHour = r.NextDouble() < 0.95 ? 1 : 2,
            CountryMismatch = r.NextDouble() < 0.04 ? 1 : 0,
            DisposableEmail = r.NextDouble() < 0.02 ? 1 : 0,
            CardPayment = r.NextDouble() < 0.6 ? 1 : 0,
            Quantity = 1 + r.Next(4),
            Label = false,
        };
    }

    private static FraudFeatures Fraud(Random r)
    {
        var first = r.NextDouble() < 0.8;
        return new FraudFeatures
        {
            AmountToCustomerAverage = first ? 0 : (float)LogNormal(r, 6.0, 0.7),
            AmountToShopAverage = (float)LogNormal(r, 7.0, 0.8),
            CustomerAgeDays = first ? 0 : (float)(r.NextDouble() * 30),
            EarlierOrders = first ? 0 : 1 + r.Next(2),
            OrdersLastHour = 1 + (float)Math.Floor(-Math.Log(1 - r.NextDouble()) * 2.5),
            CountryMismatch = r.NextDouble() < 0.55 ? 1 : 0,
            DisposableEmail = r.NextDouble() < 0.45 ? 1 : 0,
            CardPayment = r.NextDouble() < 0.92 ? 1 : 0,
            Quantity = 1 + r.Next(8),
            Label = true,
        };
    }

    /// <summary>A log-normal draw whose median is <paramref name="median"/> (Box–Muller).</summary>
    private static double LogNormal(Random r, double median, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
        return median * Math.Exp(sigma * normal);
    }
}
