namespace HyperCrm.Automation.Domain.Expressions;

internal sealed record ListNode(IReadOnlyList<Node> Items, int Position) : Node(Position);
