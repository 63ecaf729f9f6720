using System.Globalization;
using System.Text;

namespace HyperCrm.Automation.Domain.Expressions;

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
        if (parser.Current.Kind != TokenKind.End) throw new ExpressionException($"Unexpected '{parser.Current.Value}'",
            parser.Current.Position);
        return node;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool IsWord(string word) => Current.Kind == TokenKind.Identifier && string.Equals(Current.Value, word,
        StringComparison.OrdinalIgnoreCase);

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
        if (IsWord("not") && _tokens[_index + 1] is { Kind: TokenKind.Identifier } next && next.Value.Equals("in",
            StringComparison.OrdinalIgnoreCase))
        {
            Advance();
            negated = true;
        }
        if (IsWord("in"))
        {
            var position = Advance().Position;
            if (Current.Kind != TokenKind.LeftBracket) throw new ExpressionException("'in' needs a list: in [\"a\", \"b\"]",
                Current.Position);
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
                throw new ExpressionException($"'{name}.{part.Value}(…)' is not allowed: only the listed functions can be called, as " +
                    $"function(value)", part.Position);
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
