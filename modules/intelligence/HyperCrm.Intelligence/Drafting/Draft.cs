namespace HyperCrm.Intelligence.Drafting;

/// <summary>A drafted message: its text, who wrote it (<c>llm:&lt;model&gt;</c> or <c>template</c>) and, for a template, why
/// the language model was not used (none configured, it failed, it was too slow).</summary>
public sealed record Draft(string Text, string Source, string? FallbackReason);
