namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record LiteralNode(object? Value, int Position) : Node(Position);
