namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>The syntax tree. Every node remembers where it starts, for error messages.</summary>
internal abstract record Node(int Position);
