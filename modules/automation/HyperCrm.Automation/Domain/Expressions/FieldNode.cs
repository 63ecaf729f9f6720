namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record FieldNode(string Name, int Position) : Node(Position);
