namespace HyperCrm.Automation.Domain.Expressions;

internal enum TokenKind { Number, Text, Identifier, Operator, LeftParen, RightParen, LeftBracket, RightBracket, Comma, Dot, End }
