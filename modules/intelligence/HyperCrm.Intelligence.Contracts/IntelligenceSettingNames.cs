namespace HyperCrm.Intelligence;

/// <summary>The AI settings an admin edits in Settings → AI.</summary>
public static class IntelligenceSettingNames
{
    private const string Prefix = "Intelligence.";

    public const string VipSpent = Prefix + "Segments.VipSpent";
    public const string VipOrders = Prefix + "Segments.VipOrders";
    public const string RepeatOrders = Prefix + "Segments.RepeatOrders";
    public const string SegmentWindowDays = Prefix + "Segments.WindowDays";

    /// <summary>An OpenAI-compatible endpoint for drafting messages (empty: templates only).</summary>
    public const string LlmEndpoint = Prefix + "Llm.Endpoint";
    public const string LlmModel = Prefix + "Llm.Model";

    /// <summary>Its key, stored encrypted and never shown or logged.</summary>
    public const string LlmApiKey = Prefix + "Llm.ApiKey";

    /// <summary>How long a draft may take before the template is used instead.</summary>
    public const string LlmTimeoutSeconds = Prefix + "Llm.TimeoutSeconds";
}
