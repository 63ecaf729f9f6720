namespace HyperCrm.Framework.Ui;

/// <summary>One line of a widget; <see cref="Tone"/> is a Bootstrap colour name ("danger" for overdue, …).</summary>
public sealed record DashboardItem(string Text, string? Url = null, string? Meta = null, string? Tone = null);
