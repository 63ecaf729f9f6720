namespace HyperCrm.Integrations.Connectors;

public static class Require
{
    public static string Text(string connector, string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new ConnectorResponseException(connector, $"the answer has no '{field}'.") : value;

    public static T Value<T>(string connector, T? value, string field) where T : struct =>
        value ?? throw new ConnectorResponseException(connector, $"the answer has no '{field}'.");
}
