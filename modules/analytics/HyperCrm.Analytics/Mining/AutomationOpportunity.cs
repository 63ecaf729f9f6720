namespace HyperCrm.Analytics.Mining;

/// <summary>A step people do by hand: how often, the minutes it takes them in all, and what automating it would save.</summary>
public sealed record AutomationOpportunity(string Activity, long Steps, double Minutes, decimal Cost);
