using HyperCrm.Framework.Localization;

namespace HyperCrm.Operations.Alerts;

/// <summary>One subject a rule looked at in one evaluation: its value, whether the threshold holds, and words for people.</summary>
public sealed record AlertCondition(string Subject, double Value, bool Holds, Message Message);
