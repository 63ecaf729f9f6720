namespace HyperCrm.Analytics.Export;

/// <summary>What to export: the entries in [<see cref="From"/>, <see cref="To"/>); for a partner's key only its own orders'.</summary>
public sealed record EventLogExport(DateTimeOffset From, DateTimeOffset To, Guid? PartnerId)
{
    /// <summary>The condition on <c>analytics.events</c> with parameters @from, @to, @partner.</summary>
    public const string Where = """
        occurred_at >= @from AND occurred_at < @to
          AND (@partner::uuid IS NULL OR (object_type = 'order' AND partner_id = @partner::uuid))
        """;
}
