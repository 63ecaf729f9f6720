using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Localization;

/// <summary>
/// Words a <see cref="Message"/> in the current UI culture: the text "Timeline:OrderPlaced" of the resource "Sales", with
/// named placeholders filled from the arguments. "{total:N2}" formats a number for the reader, "{to:@OrderStatus}" is the
/// word for an enum value (the text "OrderStatus:Shipped" of the same resource, or the shared one; a comma-separated value
/// is a list of such words). A key without a text
/// falls back to the verbatim text, or to the key and its arguments, so nothing stored is ever lost from view.
/// </summary>
public sealed partial class MessageFormatter(IStringLocalizerFactory factory)
{
    public string Format(Message? message)
    {
        if (message is null) return string.Empty;
        if (message.Key is not { } key) return message.Text ?? string.Empty;
        if (!LocalizationResources.TryResolve(factory, key, out var localizer, out var name)) return Fallback(message);
        var template = localizer[name];
        if (template.ResourceNotFound) return Fallback(message);
        return Placeholder().Replace(template.Value, m => Fill(localizer, message, m.Groups["name"].Value,
            m.Groups["format"].Success ? m.Groups["format"].Value : null));
    }

    private static string Fill(IStringLocalizer localizer, Message message, string name, string? format)
    {
        var value = message.Args?.GetValueOrDefault(name) ?? string.Empty;
        if (format is null || value.Length == 0) return value;
        if (format.StartsWith('@'))
            return string.Join(", ", value.Split(',').Select(v => LocalizationResources.Word(localizer, format[1..], v)));
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            ? number.ToString(format, CultureInfo.CurrentCulture)
            : value;
    }

    private static string Fallback(Message message) =>
        message.Text ?? (message.Args is { Count: > 0 } args
            ? $"{message.Key} ({string.Join(", ", args.Select(a => $"{a.Key}: {a.Value}"))})"
            : message.Key!);

    [GeneratedRegex("\\{(?<name>[A-Za-z][A-Za-z0-9]*)(?::(?<format>[^{}]+))?\\}")]
    private static partial Regex Placeholder();
}
