namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record BinaryNode(string Operator, Node Left, Node Right, int Position) : Node(Position);
