namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record UnaryNode(string Operator, Node Operand, int Position) : Node(Position);
