using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperCrm.Framework.Web;

/// <summary>
/// Reads JSON strings for the API and refuses unsafe text (<see cref="TextSafety"/>) with a <see cref="JsonException"/>,
/// whose path the problem names as the field.
/// </summary>
public sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // Anything but a string is refused as the default converter would (its message names the field).
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Escapes that spell half of a surrogate pair.
            throw new JsonException(TextSafety.Refusal);
        }
        return TextSafety.IsSafe(value) ? value : throw new JsonException(TextSafety.Refusal);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
