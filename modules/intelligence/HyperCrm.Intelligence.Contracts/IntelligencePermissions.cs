namespace HyperCrm.Intelligence;

public static class IntelligencePermissions
{
    public const string GroupName = "Intelligence";

    /// <summary>See the models and their metrics (Settings → AI).</summary>
    public const string Models = GroupName + ".Models";

    /// <summary>Retrain, promote and roll back models.</summary>
    public const string ManageModels = Models + ".Manage";

    /// <summary>Override the model on an order (fraud or not, with a reason): a label for the next training.</summary>
    public const string DecideRisk = GroupName + ".DecideRisk";
}
