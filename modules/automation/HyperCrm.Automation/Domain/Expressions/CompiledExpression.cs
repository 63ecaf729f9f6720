using HyperCrm.Automation.Catalog;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>A compiled expression: the fields it reads (in slot order) and the delegate.</summary>
public sealed class CompiledExpression(string text, FieldType? type, IReadOnlyList<string> fields,
    Func<object?[], DateTimeOffset, object?> evaluate)
{
    public string Text { get; } = text;

    /// <summary>The result type; null when the expression is the null literal.</summary>
    public FieldType? Type { get; } = type;

    /// <summary>The catalog fields the expression reads.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The fast path: values already normalized, in <see cref="Fields"/> order.</summary>
    public object? Evaluate(object?[] slots, DateTimeOffset now) => evaluate(slots, now);

    public object? Evaluate(IReadOnlyDictionary<string, object?> values, DateTimeOffset now, IReadOnlyDictionary<string, FieldType> types)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(types);
        var slots = new object?[Fields.Count];
        for (var i = 0; i < slots.Length; i++) slots[i] = FieldValues.Normalize(values.GetValueOrDefault(Fields[i]), types[Fields[i]]);
        return evaluate(slots, now);
    }

    /// <summary>The values the expression read, for the run log: <c>order.total = 72000; customer.tags = [vip]</c>.</summary>
    public string Explain(IReadOnlyDictionary<string, object?> values, IReadOnlyDictionary<string, FieldType>? types = null) =>
        string.Join("; ",
            Fields.Select(f =>
                $"{f} = " + FieldValues.Format(types is null
                    ? values.GetValueOrDefault(f)
                    : FieldValues.Normalize(values.GetValueOrDefault(f), types[f]))));
}
