namespace HyperCrm.Intelligence.Triage;

/// <summary>One labelled customer message of the shipped dataset (<c>Triage/Data/messages.tsv</c>).</summary>
public sealed record MessageExample(string Language, string Intent, string Sentiment, string Text);
