namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>A bad expression: the message says what is wrong and <see cref="Position"/> where (1-based column).</summary>
public sealed class ExpressionException(string message, int position) : Exception($"{message} (at {position})")
{
    public int Position { get; } = position;

    public string Reason { get; } = message;
}
