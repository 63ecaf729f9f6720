using System.Globalization;
using System.Text;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>A bad expression: the message says what is wrong and <see cref="Position"/> where (1-based column).</summary>
public sealed class ExpressionException(string message, int position) : Exception($"{message} (at {position})")
{
    public int Position { get; } = position;

    public string Reason { get; } = message;
}

internal enum TokenKind { Number, Text, Identifier, Operator, LeftParen, RightParen, LeftBracket, RightBracket, Comma, Dot, End }

internal readonly record struct Token(TokenKind Kind, string Value, int Position);

/// <summary>Splits an expression into tokens. Only the characters the language uses are accepted.</summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "+", "-", "*", "/", "%"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i + 1;
            if (char.IsAsciiDigit(c))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '_')) i++;
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[(start - 1)..i].Replace("_", string.Empty, StringComparison.Ordinal), start));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                tokens.Add(new Token(TokenKind.Identifier, text[(start - 1)..i], start));
                continue;
            }
            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.Text, ReadString(text, ref i), start));
                continue;
            }
            var single = c switch
            {
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                '[' => TokenKind.LeftBracket,
                ']' => TokenKind.RightBracket,
                ',' => TokenKind.Comma,
                '.' => TokenKind.Dot,
                _ => TokenKind.End,
            };
            if (single != TokenKind.End)
            {
                tokens.Add(new Token(single, c.ToString(), start));
                i++;
                continue;
            }
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null) throw new ExpressionException($"Unexpected character '{c}'", start);
            tokens.Add(new Token(TokenKind.Operator, op, start));
            i += op.Length;
        }
        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i + 1;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                value.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                value.Append(text[i]);
            }
            i++;
        }
        if (i >= text.Length) throw new ExpressionException("Unterminated text: a closing quote is missing", start);
        i++;
        return value.ToString();
    }
}

/// <summary>The syntax tree. Every node remembers where it starts, for error messages.</summary>
internal abstract record Node(int Position);

internal sealed record LiteralNode(object? Value, int Position) : Node(Position);

internal sealed record FieldNode(string Name, int Position) : Node(Position);

internal sealed record UnaryNode(string Operator, Node Operand, int Position) : Node(Position);

internal sealed record BinaryNode(string Operator, Node Left, Node Right, int Position) : Node(Position);

internal sealed record InNode(Node Value, IReadOnlyList<Node> Items, bool Negated, int Position) : Node(Position);

internal sealed record CallNode(string Function, IReadOnlyList<Node> Arguments, int Position) : Node(Position);

internal sealed record ListNode(IReadOnlyList<Node> Items, int Position) : Node(Position);

/// <summary>
/// A precedence-climbing parser: <c>or</c> / <c>||</c>, <c>and</c> / <c>&amp;&amp;</c>, <c>not</c> / <c>!</c>, comparisons,
/// <c>in [..]</c>, + -, * / %, unary minus, literals, dotted field names, function calls, parentheses and lists.
/// Depth and size are bounded, so any accepted expression evaluates in bounded time.
/// </summary>
internal sealed class Parser
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 32;
    public const int MaxNodes = 400;

    private readonly List<Token> _tokens;
    private int _index;
    private int _depth;
    private int _nodes;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static Node Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ExpressionException("The expression is empty", 1);
        if (text.Length > MaxLength) throw new ExpressionException($"The expression is longer than {MaxLength} characters", MaxLength);
        var parser = new Parser(Lexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End) throw new ExpressionException($"Unexpected '{parser.Current.Value}'", parser.Current.Position);
        return node;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool IsWord(string word) => Current.Kind == TokenKind.Identifier && string.Equals(Current.Value, word, StringComparison.OrdinalIgnoreCase);

    private bool IsOperator(string op) => Current.Kind == TokenKind.Operator && Current.Value == op;

    private T Count<T>(T node)
        where T : Node
    {
        if (++_nodes > MaxNodes) throw new ExpressionException($"The expression has more than {MaxNodes} parts", node.Position);
        return node;
    }

    private Node Nested(Func<Node> parse)
    {
        if (++_depth > MaxDepth) throw new ExpressionException($"The expression is nested deeper than {MaxDepth} levels", Current.Position);
        try
        {
            return parse();
        }
        finally
        {
            _depth--;
        }
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (IsOperator("||") || IsWord("or"))
        {
            var position = Advance().Position;
            left = Count(new BinaryNode("||", left, ParseAnd(), position));
        }
        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        while (IsOperator("&&") || IsWord("and"))
        {
            var position = Advance().Position;
            left = Count(new BinaryNode("&&", left, ParseNot(), position));
        }
        return left;
    }

    private Node ParseNot()
    {
        if (IsOperator("!") || IsWord("not"))
        {
            var position = Advance().Position;
            return Count(new UnaryNode("!", Nested(ParseNot), position));
        }
        return ParseComparison();
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        if (Current.Kind == TokenKind.Operator && Current.Value is "==" or "!=" or "<" or "<=" or ">" or ">=")
        {
            var op = Advance();
            return Count(new BinaryNode(op.Value, left, ParseAdditive(), op.Position));
        }
        var negated = false;
        if (IsWord("not") && _tokens[_index + 1] is { Kind: TokenKind.Identifier } next && next.Value.Equals("in", StringComparison.OrdinalIgnoreCase))
        {
            Advance();
            negated = true;
        }
        if (IsWord("in"))
        {
            var position = Advance().Position;
            if (Current.Kind != TokenKind.LeftBracket) throw new ExpressionException("'in' needs a list: in [\"a\", \"b\"]", Current.Position);
            var list = (ListNode)ParsePrimary();
            return Count(new InNode(left, list.Items, negated, position));
        }
        if (negated) throw new ExpressionException("Expected 'in' after 'not'", Current.Position);
        return left;
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (IsOperator("+") || IsOperator("-"))
        {
            var op = Advance();
            left = Count(new BinaryNode(op.Value, left, ParseMultiplicative(), op.Position));
        }
        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseUnary();
        while (IsOperator("*") || IsOperator("/") || IsOperator("%"))
        {
            var op = Advance();
            left = Count(new BinaryNode(op.Value, left, ParseUnary(), op.Position));
        }
        return left;
    }

    private Node ParseUnary()
    {
        if (IsOperator("-"))
        {
            var position = Advance().Position;
            return Count(new UnaryNode("-", Nested(ParseUnary), position));
        }
        return ParsePrimary();
    }

    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (!decimal.TryParse(token.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                    throw new ExpressionException($"'{token.Value}' is not a number", token.Position);
                return Count(new LiteralNode(number, token.Position));
            case TokenKind.Text:
                Advance();
                return Count(new LiteralNode(token.Value, token.Position));
            case TokenKind.LeftParen:
                Advance();
                var inner = Nested(ParseOr);
                Expect(TokenKind.RightParen, "')'");
                return inner;
            case TokenKind.LeftBracket:
                Advance();
                var items = new List<Node>();
                if (Current.Kind != TokenKind.RightBracket)
                {
                    do items.Add(Nested(ParseOr));
                    while (Current.Kind == TokenKind.Comma && Advance().Kind == TokenKind.Comma);
                }
                Expect(TokenKind.RightBracket, "']'");
                return Count(new ListNode(items, token.Position));
            case TokenKind.Identifier:
                return ParseIdentifier();
            case TokenKind.End:
                throw new ExpressionException("The expression ends too early", token.Position);
            default:
                throw new ExpressionException($"Unexpected '{token.Value}'", token.Position);
        }
    }

    private Node ParseIdentifier()
    {
        var first = Advance();
        switch (first.Value.ToLowerInvariant())
        {
            case "true": return Count(new LiteralNode(true, first.Position));
            case "false": return Count(new LiteralNode(false, first.Position));
            case "null": return Count(new LiteralNode(null, first.Position));
        }
        if (Current.Kind == TokenKind.LeftParen)
        {
            Advance();
            var arguments = new List<Node>();
            if (Current.Kind != TokenKind.RightParen)
            {
                do arguments.Add(Nested(ParseOr));
                while (Current.Kind == TokenKind.Comma && Advance().Kind == TokenKind.Comma);
            }
            Expect(TokenKind.RightParen, "')'");
            return Count(new CallNode(first.Value, arguments, first.Position));
        }
        var name = new StringBuilder(first.Value);
        while (Current.Kind == TokenKind.Dot)
        {
            Advance();
            if (Current.Kind != TokenKind.Identifier) throw new ExpressionException("A field name is expected after '.'", Current.Position);
            var part = Advance();
            if (Current.Kind == TokenKind.LeftParen)
                throw new ExpressionException($"'{name}.{part.Value}(…)' is not allowed: only the listed functions can be called, as function(value)", part.Position);
            name.Append('.').Append(part.Value);
        }
        return Count(new FieldNode(name.ToString(), first.Position));
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind) throw new ExpressionException($"Expected {what}", Current.Position);
        Advance();
    }
}
