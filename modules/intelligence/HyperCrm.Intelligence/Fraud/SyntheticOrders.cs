namespace HyperCrm.Intelligence.Fraud;

/// <summary>
/// The labelled orders the first model learns from, until the CRM has enough decisions of its own: generated from a fixed
/// seed, so the same version of this class always yields the same rows (and the same model). About a fifth are fraud.
/// Honest orders: a third are first orders; amounts near the customer's and the shop's usual (log-normal around 1×), but
/// one in six is a big basket (wholesale, furniture, gifts: around 6× the shop's usual); mostly one order in the hour,
/// but one buyer in twenty orders in bursts (an office re-ordering, a reseller's integration, a basket split in several
/// orders: up to a hundred in the hour, often on their first day with us); a few mismatched phone countries and
/// throwaway emails. Fraud: mostly first orders of new customers; amounts several times the usual (log-normal around
/// 6–8×); short bursts of orders from the same new account (small ones, then the big one); mismatched countries and
/// throwaway emails common (four in five have at least one);
/// nearly always by card. The groups overlap on purpose (a generous or busy honest customer, a fraudster with a
/// plausible basket), so the model must weigh the signs together, not hold every big or repeated order.
/// </summary>
public static class SyntheticOrders
{
    public const int DefaultSeed = 20261130;

    /// <summary>Bump when the distributions change: the registry records which generator a model learned from.</summary>
    public const string Generator = "synthetic-v2";

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
        var big = r.NextDouble() < 1.0 / 6;
        var bursting = r.NextDouble() < 0.05;
        var hour = bursting ? 2 + (float)Math.Floor(-Math.Log(1 - r.NextDouble()) * 15) : r.NextDouble() < 0.95 ? 1 : 2;
        // A buyer in a burst has the burst's earlier orders behind them, often all of them today.
        var earlier = first && !bursting ? 0 : (first ? 0 : 1 + (float)Math.Floor(-Math.Log(1 - r.NextDouble()) * 4)) + hour - 1;
        var age = earlier == 0 || (bursting && r.NextDouble() < 0.5) ? 0 : (float)(r.NextDouble() * 900 + 3);
        return new FraudFeatures
        {
            AmountToCustomerAverage = earlier == 0 ? 0 : (float)LogNormal(r, big ? 3.0 : 1.0, 0.45),
            AmountToShopAverage = (float)LogNormal(r, big ? 6.0 : 1.0, big ? 0.9 : 0.6),
            CustomerAgeDays = age,
            EarlierOrders = earlier,
            OrdersLastHour = hour,
            CountryMismatch = r.NextDouble() < 0.04 ? 1 : 0,
            DisposableEmail = r.NextDouble() < 0.02 ? 1 : 0,
            CardPayment = r.NextDouble() < 0.6 ? 1 : 0,
            Quantity = 1 + r.Next(big ? 12 : 4),
            Label = false,
        };
    }

    private static FraudFeatures Fraud(Random r)
    {
        var first = r.NextDouble() < 0.8;
        var mismatch = r.NextDouble() < 0.6;
        var disposable = r.NextDouble() < 0.5;
        // A burst is the same new account's orders minutes apart: small test orders first, then the big one.
        var hour = 1 + (float)Math.Floor(-Math.Log(1 - r.NextDouble()) * 2.5);
        var earlier = (first ? 0 : 1 + r.Next(2)) + hour - 1;
        return new FraudFeatures
        {
            AmountToCustomerAverage = earlier == 0 ? 0 : (float)LogNormal(r, first ? 20.0 : 6.0, 0.8),
            AmountToShopAverage = (float)LogNormal(r, 7.0, 0.8),
            CustomerAgeDays = first ? 0 : (float)(r.NextDouble() * 30),
            EarlierOrders = earlier,
            OrdersLastHour = hour,
            CountryMismatch = mismatch ? 1 : 0,
            DisposableEmail = disposable ? 1 : 0,
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
