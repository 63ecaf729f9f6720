namespace HyperCrm.Intelligence;

/// <summary>The AI settings an admin edits in Settings → AI.</summary>
public static class IntelligenceSettingNames
{
    private const string Prefix = "Intelligence.";

    public const string VipSpent = Prefix + "Segments.VipSpent";
    public const string VipOrders = Prefix + "Segments.VipOrders";
    public const string RepeatOrders = Prefix + "Segments.RepeatOrders";
    public const string SegmentWindowDays = Prefix + "Segments.WindowDays";
}
