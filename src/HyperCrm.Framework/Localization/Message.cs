using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperCrm.Framework.Localization;

/// <summary>
/// A sentence the system writes (a timeline entry, an order step's note, a run's reason, a notification), kept as the data
/// and not the sentence: a text key of a module's resource and its arguments, worded in the reader's language when read
/// (<see cref="MessageFormatter"/>). The key is "Resource:Text" ("Sales:Timeline:OrderPlaced"); arguments are invariant
/// strings, so numbers and moments are formatted for the reader and enum values are looked up as words. A person's own
/// words (a reason typed on a page, a rule's label) and sentences stored before messages existed are kept verbatim.
/// </summary>
public sealed class Message : IEquatable<Message>
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private string? _json;

    [JsonConstructor]
    public Message(string? key, IReadOnlyDictionary<string, string?>? args, string? text)
    {
        Key = key;
        Args = args;
        Text = text;
    }

    /// <summary>"Resource:Text", or null for verbatim text.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; }

    [JsonPropertyName("args")]
    public IReadOnlyDictionary<string, string?>? Args { get; }

    /// <summary>Words kept as they were written.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; }

    /// <summary>A text of a resource with named arguments; numbers, moments and enums are stored invariantly.</summary>
    public static Message Of(string key, params (string Name, object? Value)[] args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(args);
        return new Message(key, args.Length == 0 ? null : args.ToDictionary(a => a.Name, a => Invariant(a.Value), StringComparer.Ordinal),
            null);
    }

    /// <summary>Somebody's own words, shown as written.</summary>
    public static Message Verbatim(string text) => new(null, null, text);

    public static Message? VerbatimOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : Verbatim(text);

    /// <summary>This message with its verbatim text and each argument cut to <paramref name="maxLength"/> (an entity's bound).</summary>
    public Message Limit(int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (Text is not { Length: > 0 } && Args is null) return this;
        if (Text?.Length <= maxLength && Args?.Values.All(v => v is null || v.Length <= maxLength) != false) return this;
        return new Message(Key, Args?.ToDictionary(a => a.Key, a => Cut(a.Value, maxLength), StringComparer.Ordinal),
            Cut(Text, maxLength));
    }

    private static string? Cut(string? value, int maxLength) =>
        value is { Length: > 0 } && value.Length > maxLength ? value[..maxLength] : value;

    /// <summary>The stored form; a message never changes, so it is serialized once (equality and change tracking use it).</summary>
    public string ToJson() => _json ??= JsonSerializer.Serialize(this, Json);

    public static Message FromJson(string json) => JsonSerializer.Deserialize<Message>(json, Json) ?? Verbatim(string.Empty);

    /// <summary>A list of messages in its stored form (a JSON array of their stored forms).</summary>
    public static string ToJsonArray(IEnumerable<Message> messages) =>
        "[" + string.Join(",", (messages ?? throw new ArgumentNullException(nameof(messages))).Select(m => m.ToJson())) + "]";

    public static IReadOnlyList<Message> FromJsonArray(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => FromJson(e.GetRawText())).ToList();
    }

    /// <summary>A value as an argument: invariant numbers, ISO moments, enum names.</summary>
    public static string? Invariant(object? value) => value switch
    {
        null => null,
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public bool Equals(Message? other) => other is not null && ToJson() == other.ToJson();

    public override bool Equals(object? obj) => Equals(obj as Message);

    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => ToJson();
}
