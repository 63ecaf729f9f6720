namespace HyperCrm.Framework.Domain;

/// <summary>
/// A named business rule. A broken rule throws <see cref="BusinessRuleValidationException"/> with the rule's stable
/// <see cref="Code"/>; the web layer decides the HTTP status and the reader's language from the code.
/// </summary>
public interface IBusinessRule
{
    bool IsBroken();

    /// <summary>A stable, machine-readable code such as "Sales:TransitionNotAllowed".</summary>
    string Code { get; }

    /// <summary>The English text, for logs and for readers of a language that has no text for <see cref="Code"/>.</summary>
    string Message { get; }

    /// <summary>What the localized text of <see cref="Code"/> is formatted with ({0}, {1}, …).</summary>
    object?[] Arguments => [];
}
