using HyperCrm.Intelligence.Triage;

namespace HyperCrm.Intelligence.Application;

/// <summary>
/// The triage model the app reads messages with: trained once per process from the shipped dataset (deterministic, about
/// three seconds, on first use), so every instance reads a message the same way. <see cref="Version"/> names it.
/// </summary>
public sealed class TriageRegistry
{
    /// <summary>Bump with the dataset or the trainer: it is stored with every reading.</summary>
    public const string Version = "triage-v1";

    private readonly Lazy<TriageModel> _model = new(() => TriageTrainer.Train(TriageDataset.Load()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public TriageModel Model => _model.Value;
}
