namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record InNode(Node Value, IReadOnlyList<Node> Items, bool Negated, int Position) : Node(Position);
