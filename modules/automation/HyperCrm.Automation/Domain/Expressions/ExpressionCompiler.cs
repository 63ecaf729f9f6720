using System.Reflection;
using HyperCrm.Automation.Catalog;
using LinqExpression = System.Linq.Expressions.Expression;
using ParameterExpression = System.Linq.Expressions.ParameterExpression;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>
/// Turns a condition or template expression into a delegate, once. The language only knows the catalog's fields
/// (unknown names are refused with their position), literals, operators and the functions of
/// <see cref="ExpressionFunctions"/>: there is no member access, no type name, no reflection and no I/O to reach,
/// because the tree is built here from our own nodes, never from user-given code.
/// </summary>
public static class ExpressionCompiler
{
    private static readonly ParameterExpression Slots = LinqExpression.Parameter(typeof(object[]), "slots");
    private static readonly ParameterExpression Now = LinqExpression.Parameter(typeof(DateTimeOffset), "now");

    /// <summary>Compiles an expression over the given fields; <paramref name="expected"/> (when set) is the type it must have.</summary>
    public static CompiledExpression Compile(string text, IReadOnlyDictionary<string, FieldType> fields,
        FieldType? expected = FieldType.Boolean)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var node = Parser.Parse(text);
        var used = new List<string>();
        var (body, type) = Build(node, fields, used);
        if (expected is { } wanted && type is { } actual && actual != wanted)
            throw new ExpressionException($"The expression gives {Describe(actual)}, but {Describe(wanted)} is needed", 1);
        if (expected is FieldType.Boolean && type is null)
            throw new ExpressionException("The expression is always null; a condition must be true or false", 1);
        var lambda = LinqExpression.Lambda<Func<object?[], DateTimeOffset, object?>>(LinqExpression.Convert(body, typeof(object)), Slots,
            Now);
        return new CompiledExpression(text, type, used, lambda.Compile(preferInterpretation: false));
    }

    private static (LinqExpression Expression, FieldType? Type) Build(Node node, IReadOnlyDictionary<string, FieldType> fields,
        List<string> used)
    {
        switch (node)
        {
            case LiteralNode { Value: null }:
                return (LinqExpression.Constant(null, typeof(object)), null);
            case LiteralNode { Value: decimal number }:
                return (LinqExpression.Constant(number, typeof(decimal?)), FieldType.Number);
            case LiteralNode { Value: string text }:
                return (LinqExpression.Constant(text, typeof(string)), FieldType.Text);
            case LiteralNode { Value: bool flag }:
                return (LinqExpression.Constant(flag, typeof(bool?)), FieldType.Boolean);
            case FieldNode field:
                return BuildField(field, fields, used);
            case UnaryNode unary:
                return BuildUnary(unary, fields, used);
            case BinaryNode binary:
                return BuildBinary(binary, fields, used);
            case InNode inNode:
                return BuildIn(inNode, fields, used);
            case ListNode list:
                var items = list.Items.Select(i => Build(i, fields, used)).ToList();
                if (items.Any(i => i.Type != FieldType.Text))
                    throw new ExpressionException("A list holds text values only", list.Position);
                return (LinqExpression.NewArrayInit(typeof(string), items.Select(i => i.Expression)), FieldType.List);
            case CallNode call:
                return BuildCall(call, fields, used);
            default:
                throw new ExpressionException("Unsupported expression", node.Position);
        }
    }

    private static (LinqExpression, FieldType?) BuildField(FieldNode field, IReadOnlyDictionary<string, FieldType> fields,
        List<string> used)
    {
        if (!fields.TryGetValue(field.Name, out var type))
        {
            var suggestion = fields.Keys.OrderBy(k => Distance(k, field.Name)).FirstOrDefault();
            throw new ExpressionException($"Unknown field '{field.Name}'" + (suggestion is null ? string.Empty
                : $"; did you mean '{suggestion}'?"), field.Position);
        }
        var slot = used.IndexOf(field.Name);
        if (slot < 0)
        {
            used.Add(field.Name);
            slot = used.Count - 1;
        }
        return (LinqExpression.Convert(LinqExpression.ArrayIndex(Slots, LinqExpression.Constant(slot)), ClrType(type)), type);
    }

    private static (LinqExpression, FieldType?) BuildUnary(UnaryNode unary, IReadOnlyDictionary<string, FieldType> fields,
        List<string> used)
    {
        var (operand, type) = Build(unary.Operand, fields, used);
        return unary.Operator switch
        {
            "!" when type == FieldType.Boolean => (LinqExpression.Convert(LinqExpression.Not(IsTrue(operand)), typeof(bool?)),
                FieldType.Boolean),
            "-" when type == FieldType.Number => (LinqExpression.Negate(operand), FieldType.Number),
            "!" => throw new ExpressionException($"'not' needs true/false, not {Describe(type)}", unary.Position),
            _ => throw new ExpressionException($"'-' needs a number, not {Describe(type)}", unary.Position),
        };
    }

    private static (LinqExpression, FieldType?) BuildBinary(BinaryNode binary, IReadOnlyDictionary<string, FieldType> fields,
        List<string> used)
    {
        var (left, leftType) = Build(binary.Left, fields, used);
        var (right, rightType) = Build(binary.Right, fields, used);
        switch (binary.Operator)
        {
            case "&&" or "||":
                if (leftType != FieldType.Boolean || rightType != FieldType.Boolean)
                    throw new ExpressionException($"'{(binary.Operator == "&&" ? "and" : "or")}' joins true/false values, not " +
                        $"{Describe(leftType == FieldType.Boolean ? rightType : leftType)}", binary.Position);
                var joined = binary.Operator == "&&" ? LinqExpression.AndAlso(IsTrue(left),
                    IsTrue(right)) : LinqExpression.OrElse(IsTrue(left), IsTrue(right));
                return (LinqExpression.Convert(joined, typeof(bool?)), FieldType.Boolean);
            case "==" or "!=":
                var equal = Equality(left, leftType, right, rightType, binary.Position);
                return (LinqExpression.Convert(binary.Operator == "==" ? equal : LinqExpression.Not(equal), typeof(bool?)),
                    FieldType.Boolean);
            case "<" or "<=" or ">" or ">=":
                if (leftType != rightType || leftType is not (FieldType.Number or FieldType.DateTime))
                    throw new ExpressionException($"'{binary.Operator}' compares two numbers or two dates, not {Describe(leftType)} and " +
                        $"{Describe(rightType)}", binary.Position);
                LinqExpression compared = binary.Operator switch
                {
                    "<" => LinqExpression.LessThan(left, right, liftToNull: false, method: null),
                    "<=" => LinqExpression.LessThanOrEqual(left, right, liftToNull: false, method: null),
                    ">" => LinqExpression.GreaterThan(left, right, liftToNull: false, method: null),
                    _ => LinqExpression.GreaterThanOrEqual(left, right, liftToNull: false, method: null),
                };
                return (LinqExpression.Convert(compared, typeof(bool?)), FieldType.Boolean);
            case "+" when leftType == FieldType.Text || rightType == FieldType.Text:
                return (LinqExpression.Call(Function(nameof(ExpressionFunctions.Concat)), Boxed(left), Boxed(right)), FieldType.Text);
            default:
                if (leftType != FieldType.Number || rightType != FieldType.Number)
                    throw new ExpressionException($"'{binary.Operator}' needs two numbers, not {Describe(leftType)} and " +
                        $"{Describe(rightType)}", binary.Position);
                return (binary.Operator switch
                {
                    "+" => LinqExpression.Add(left, right),
                    "-" => LinqExpression.Subtract(left, right),
                    "*" => LinqExpression.Multiply(left, right),
                    "/" => LinqExpression.Call(Function(nameof(ExpressionFunctions.Divide)), left, right),
                    _ => LinqExpression.Call(Function(nameof(ExpressionFunctions.Remainder)), left, right),
                }, FieldType.Number);
        }
    }

    private static LinqExpression Equality(LinqExpression left, FieldType? leftType, LinqExpression right, FieldType? rightType,
        int position)
    {
        if (leftType is null && rightType is null) return LinqExpression.Constant(true);
        if (leftType is null) return LinqExpression.Equal(right, LinqExpression.Constant(null, right.Type));
        if (rightType is null) return LinqExpression.Equal(left, LinqExpression.Constant(null, left.Type));
        if (leftType != rightType || leftType == FieldType.List)
            throw new ExpressionException($"'==' compares values of one type, not {Describe(leftType)} and {Describe(rightType)}",
                position);
        return leftType == FieldType.Text
            ? LinqExpression.Call(Function(nameof(ExpressionFunctions.TextEquals)), left, right)
            : LinqExpression.Equal(left, right, liftToNull: false, method: null);
    }

    private static (LinqExpression, FieldType?) BuildIn(InNode node, IReadOnlyDictionary<string, FieldType> fields, List<string> used)
    {
        var (value, type) = Build(node.Value, fields, used);
        if (type is not (FieldType.Text or FieldType.Number)) throw new ExpressionException($"'in' checks a text or a number, not " +
            $"{Describe(type)}", node.Position);
        var items = new List<object>();
        foreach (var item in node.Items)
        {
            if (item is not LiteralNode { Value: { } literal } || (type == FieldType.Text ? literal is not string : literal is not decimal))
                throw new ExpressionException($"The list after 'in' must hold {Describe(type)} literals", item.Position);
            items.Add(literal);
        }
        LinqExpression test = type == FieldType.Text
            ? LinqExpression.Call(Function(nameof(ExpressionFunctions.InTexts)), value,
                LinqExpression.Constant(new HashSet<string>(items.Cast<string>(), StringComparer.OrdinalIgnoreCase)))
            : LinqExpression.Call(Function(nameof(ExpressionFunctions.InNumbers)), value,
                LinqExpression.Constant(items.Cast<decimal>().ToHashSet()));
        if (node.Negated) test = LinqExpression.Not(test);
        return (LinqExpression.Convert(test, typeof(bool?)), FieldType.Boolean);
    }

    private static (LinqExpression, FieldType?) BuildCall(CallNode call, IReadOnlyDictionary<string, FieldType> fields, List<string> used)
    {
        var name = call.Function.ToLowerInvariant();
        var known = ExpressionFunctions.Signatures.Where(s => s.Name == name).ToList();
        if (known.Count == 0)
            throw new ExpressionException($"Unknown function '{call.Function}'; the functions are: " +
                $"{string.Join(", ", ExpressionFunctions.Signatures.Select(s => s.Usage).Distinct())}", call.Position);
        var arguments = call.Arguments.Select(a => Build(a, fields, used)).ToList();
        var types = arguments.Select(a => a.Type).ToArray();
        var signature = known.FirstOrDefault(s => s.Accepts(types))
                        ?? throw new ExpressionException($"'{call.Function}' is used as {string.Join(" or ", known.Select(s => s.Usage))}",
                            call.Position);
        var method = Function(signature.Method);
        var passed = new List<LinqExpression>();
        var next = 0;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.Name == "now")
            {
                passed.Add(Now);
                continue;
            }
            var argument = arguments[next++].Expression;
            passed.Add(argument.Type == parameter.ParameterType ? argument : LinqExpression.Convert(argument, parameter.ParameterType));
        }
        var type = signature.Result ?? types.FirstOrDefault(t => t is not null);
        LinqExpression result = LinqExpression.Call(method, passed);
        // Keep the language's representation: true/false as bool?, any typed value in its nullable CLR type.
        if (result.Type != ClrType(type)) result = LinqExpression.Convert(result, ClrType(type));
        return (result, type);
    }

    private static System.Linq.Expressions.BinaryExpression IsTrue(LinqExpression value) => LinqExpression.Equal(value,
        LinqExpression.Constant(true, typeof(bool?)));

    private static System.Linq.Expressions.UnaryExpression Boxed(LinqExpression value) => LinqExpression.Convert(value, typeof(object));

    private static MethodInfo Function(string name) =>
        typeof(ExpressionFunctions).GetMethod(name,
            BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"No function {name}.");

    internal static Type ClrType(FieldType? type) => type switch
    {
        FieldType.Number => typeof(decimal?),
        FieldType.Boolean => typeof(bool?),
        FieldType.DateTime => typeof(DateTimeOffset?),
        FieldType.List => typeof(string[]),
        FieldType.Text => typeof(string),
        _ => typeof(object),
    };

    internal static string Describe(FieldType? type) => type switch
    {
        FieldType.Number => "a number",
        FieldType.Boolean => "true/false",
        FieldType.DateTime => "a date",
        FieldType.List => "a list",
        FieldType.Text => "text",
        _ => "null",
    };

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1),
                    previous + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
