namespace HyperCrm.Automation.Domain.Expressions;

internal readonly record struct Token(TokenKind Kind, string Value, int Position);
