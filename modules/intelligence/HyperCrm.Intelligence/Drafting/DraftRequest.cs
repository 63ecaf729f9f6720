namespace HyperCrm.Intelligence.Drafting;

/// <summary>What a draft is written from: its kind, the language (ru or en), the customer's name, the order's number and,
/// for a reply, what the customer wrote and what triage read in it.</summary>
public sealed record DraftRequest(DraftKind Kind, string Language, string? CustomerName, long? OrderNumber, string? CustomerText = null,
    string? Intent = null);
