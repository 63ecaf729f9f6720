using System.Text;

namespace HyperCrm.Automation.Domain.Expressions;

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
