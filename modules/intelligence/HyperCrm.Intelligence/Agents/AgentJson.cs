using System.Text.Json;
using System.Text.Json.Serialization;

namespace HyperCrm.Intelligence.Agents;

/// <summary>How transcripts and tool results are written: camel case, enums by their wire names, nothing null.</summary>
public static class AgentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
