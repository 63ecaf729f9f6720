namespace HyperCrm.Intelligence.Triage;

/// <summary>What the triage model read in a message: its intent and sentiment, each with the model's confidence (0–1),
/// and the language it judged the message to be in.</summary>
public sealed record TriageResult(string Intent, double IntentConfidence, string Sentiment, double SentimentConfidence, string Language);
