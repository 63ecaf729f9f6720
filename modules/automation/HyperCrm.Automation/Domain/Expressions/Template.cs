using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HyperCrm.Automation.Catalog;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>
/// An action parameter: plain text with <c>{{ expression }}</c> parts (<c>Order #{{order.number}} needs a look</c>).
/// A parameter that is one expression alone keeps its type (a number stays a number).
/// </summary>
public sealed class Template
{
    private readonly List<object> _parts;
    private readonly bool _jsonEscaped;

    private Template(string text, List<object> parts, bool jsonEscaped)
    {
        Text = text;
        _parts = parts;
        _jsonEscaped = jsonEscaped;
    }

    public string Text { get; }

    public IEnumerable<string> Fields => _parts.OfType<CompiledExpression>().SelectMany(p => p.Fields).Distinct();

    /// <param name="jsonEscaped">The text is JSON: values put into it are escaped as JSON string content.</param>
    public static Template Compile(string text, IReadOnlyDictionary<string, FieldType> fields, bool jsonEscaped = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<object>();
        var index = 0;
        while (index < text.Length)
        {
            var open = text.IndexOf("{{", index, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(text[index..]);
                break;
            }
            if (open > index) parts.Add(text[index..open]);
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0) throw new ExpressionException("'{{' is not closed with '}}'", open + 1);
            try
            {
                parts.Add(ExpressionCompiler.Compile(text[(open + 2)..close], fields, expected: null));
            }
            catch (ExpressionException ex)
            {
                throw new ExpressionException(ex.Reason, open + 2 + ex.Position);
            }
            index = close + 2;
        }
        return new Template(text, parts, jsonEscaped);
    }

    public object? Render(IReadOnlyDictionary<string, object?> values, DateTimeOffset now, IReadOnlyDictionary<string, FieldType> types)
    {
        if (_parts is [CompiledExpression single] && !_jsonEscaped) return single.Evaluate(values, now, types);
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is not CompiledExpression expression)
            {
                text.Append((string)part);
                continue;
            }
            var value = FieldValues.Format(expression.Evaluate(values, now, types) ?? string.Empty);
            text.Append(_jsonEscaped ? JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value : value);
        }
        return text.ToString();
    }
}
