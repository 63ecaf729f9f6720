using System.Text.Json;

namespace HyperCrm.Robots.Domain.Jobs;

/// <summary>What a bot read, by variable: <c>{"po_number": ["PO-000012", "PO-000013"]}</c> (one value per repeat item).</summary>
public static class BotOutputs
{
    public static string Serialize(IReadOnlyDictionary<string, List<string>> values) => JsonSerializer.Serialize(values);

    public static Dictionary<string, List<string>> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Describe(string? json) =>
        string.Join("; ", Parse(json).Select(p => $"{p.Key}: {string.Join(", ", p.Value)}"));
}
