namespace HyperCrm.Intelligence.Triage;

/// <summary>How the triage model did on the messages held out from its training, per language.</summary>
public sealed record TriageMetrics(IReadOnlyDictionary<string, double> IntentAccuracy,
    IReadOnlyDictionary<string, double> SentimentAccuracy, int Examples, int HeldOut, double TrainingSeconds);
