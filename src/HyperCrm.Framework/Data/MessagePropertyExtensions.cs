using HyperCrm.Framework.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HyperCrm.Framework.Data;

/// <summary>Stores a <see cref="Message"/> as jsonb: {"key": …, "args": {…}} or {"text": …}; null stays SQL NULL.</summary>
public static class MessagePropertyExtensions
{
    private static readonly ValueConverter<Message?, string> Converter = new(m => m!.ToJson(), json => Message.FromJson(json));

    private static readonly ValueComparer<Message?> Comparer = new((a, b) => Equals(a, b), m => m == null ? 0 : m.GetHashCode(), m => m);

    public static PropertyBuilder<Message?> HasMessageConversion(this PropertyBuilder<Message?> property)
    {
        Configure(property);
        return property;
    }

    /// <summary>A message every row has (a timeline entry's title, a run's summary).</summary>
    public static PropertyBuilder<Message> HasRequiredMessageConversion(this PropertyBuilder<Message> property)
    {
        Configure(property);
        return property.IsRequired();
    }

    private static void Configure(PropertyBuilder property)
    {
        ArgumentNullException.ThrowIfNull(property);
        property.HasColumnType("jsonb").HasConversion(Converter, Comparer);
    }
}
