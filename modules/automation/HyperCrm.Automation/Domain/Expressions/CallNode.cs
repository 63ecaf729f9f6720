namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record CallNode(string Function, IReadOnlyList<Node> Arguments, int Position) : Node(Position);
