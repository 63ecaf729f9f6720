using HyperCrm.Automation.Catalog;
using HyperCrm.Automation.Domain.Expressions;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Automation;

public sealed class ExpressionTests
{
    private static readonly Dictionary<string, FieldType> Fields = new()
    {
        ["order.total"] = FieldType.Number,
        ["order.currency"] = FieldType.Text,
        ["order.created"] = FieldType.DateTime,
        ["order.paid"] = FieldType.Boolean,
        ["customer.segment"] = FieldType.Text,
        ["customer.tags"] = FieldType.List,
        ["customer.email"] = FieldType.Text,
    };

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static object? Eval(string expression, Dictionary<string, object?> values, FieldType? expected = FieldType.Boolean) =>
        ExpressionCompiler.Compile(expression, Fields, expected).Evaluate(values, Now, Fields);

    private static readonly Dictionary<string, object?> Vip = new()
    {
        ["order.total"] = 72000, ["order.currency"] = "RUB", ["order.created"] = Now.AddDays(-3), ["order.paid"] = true,
        ["customer.segment"] = "VIP", ["customer.tags"] = new[] { "vip", "wholesale" }, ["customer.email"] = "anna@example.com",
    };

    [Theory]
    [InlineData("order.total > 50000 && customer.segment == \"vip\"", true)]
    [InlineData("order.total > 50000 and customer.segment == 'retail'", false)]
    [InlineData("order.total >= 72000 or false", true)]
    [InlineData("not order.paid", false)]
    [InlineData("!(order.total < 100)", true)]
    [InlineData("contains(customer.tags, 'VIP') && endsWith(customer.email, '@example.com')", true)]
    [InlineData("order.currency in ['RUB', 'EUR']", true)]
    [InlineData("order.currency not in ['RUB', 'EUR']", false)]
    [InlineData("order.total * 2 - 4000 == 140000", true)]
    [InlineData("order.total / 0 == null", true)]
    [InlineData("daysSince(order.created) == 3", true)]
    [InlineData("len(customer.tags) == 2 && round(order.total / 7, 2) == 10285.71", true)]
    [InlineData("coalesce(customer.segment, 'none') == 'vip'", true)]
    [InlineData("order.total > 1_000", true)]
    public void Conditions_Should_Evaluate_As_Written(string expression, bool expected) =>
        Eval(expression, Vip).ShouldBe(expected);

    [Fact]
    public void Missing_Values_Should_Make_Comparisons_False_Not_Crash()
    {
        var empty = new Dictionary<string, object?>();
        Eval("order.total > 50000", empty).ShouldBe(false);
        Eval("order.total <= 50000", empty).ShouldBe(false);
        Eval("customer.segment == null && isEmpty(customer.tags)", empty).ShouldBe(true);
        Eval("contains(customer.tags, 'vip')", empty).ShouldBe(false);
    }

    [Theory]
    [InlineData("order.totl > 5", 1, "Unknown field 'order.totl'; did you mean 'order.total'?")]
    [InlineData("order.total > ", 15, "ends too early")]
    [InlineData("order.total > 'big'", 13, "compares two numbers or two dates")]
    [InlineData("order.total + 1", 1, "gives a number, but true/false is needed")]
    [InlineData("customer.segment == 'vip' &&", 29, "ends too early")]
    [InlineData("order.total > 5 # 1", 17, "Unexpected character '#'")]
    [InlineData("'open", 1, "Unterminated text")]
    [InlineData("order.total in [1, 'a']", 20, "must hold a number literals")]
    public void Bad_Expressions_Should_Be_Refused_With_The_Position(string expression, int position, string message)
    {
        var error = Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(expression, Fields));
        error.Position.ShouldBe(position);
        error.Reason.ShouldContain(message);
    }

    [Theory]
    [InlineData("order.GetType() == null", "not allowed")]
    [InlineData("customer.email.Length > 3", "Unknown field")]
    [InlineData("System.IO.File.Exists('/etc/passwd')", "not allowed")]
    [InlineData("typeof(order) == null", "Unknown function 'typeof'")]
    [InlineData("Activator.CreateInstance('x')", "not allowed")]
    [InlineData("exec('rm -rf /')", "Unknown function 'exec'")]
    [InlineData("order.total > 1; DROP TABLE x", "Unexpected character ';'")]
    public void Escapes_From_The_Sandbox_Should_Be_Refused(string expression, string message) =>
        Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(expression, Fields)).Reason.ShouldContain(message);

    [Fact]
    public void Very_Long_Or_Deeply_Nested_Input_Should_Be_Refused_Quickly()
    {
        Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(new string('(', 5000) + "true" + new string(')', 5000),
            Fields)).Reason.ShouldContain("longer than");
        Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(new string('(', 100) + "true" + new string(')', 100),
            Fields)).Reason.ShouldContain("nested deeper");
        Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(string.Join("&&", Enumerable.Repeat("1<2", 150)),
            Fields)).Reason.ShouldContain("more than");
        Should.Throw<ExpressionException>(() => ExpressionCompiler.Compile(new string('!', 200) + "order.paid",
            Fields)).Reason.ShouldContain("nested deeper");
    }

    [Fact]
    public void Explain_Should_Name_The_Values_A_Decision_Used()
    {
        var compiled = ExpressionCompiler.Compile("order.total > 50000 && contains(customer.tags, 'vip')", Fields);
        compiled.Fields.ShouldBe(["order.total", "customer.tags"]);
        compiled.Explain(Vip).ShouldBe("order.total = 72000; customer.tags = [vip, wholesale]");
    }

    [Fact]
    public void Templates_Should_Render_Text_And_Keep_A_Lone_Expression_Typed()
    {
        Template.Compile("Order of {{ upper(order.currency) }} {{order.total}} for {{customer.email}}", Fields).Render(Vip, Now, Fields)
            .ShouldBe("Order of RUB 72000 for anna@example.com");
        Template.Compile("{{ order.total * 2 }}", Fields).Render(Vip, Now, Fields).ShouldBe(144000m);
        Should.Throw<ExpressionException>(() => Template.Compile("Hi {{ customer.nme }}", Fields)).Position.ShouldBe(7);
        Should.Throw<ExpressionException>(() => Template.Compile("Hi {{ customer.name", Fields)).Reason.ShouldContain("not closed");
    }

    [Fact]
    public void A_Json_Template_Should_Escape_Every_Value_So_It_Cannot_Add_Fields()
    {
        var hostile = new Dictionary<string, object?>(Vip) { ["customer.email"] = "x\", \"admin\": true, \"y\": \"\\\n" };
        var rendered = (string)Template.Compile("{\"email\": \"{{customer.email}}\", \"total\": {{order.total}}}", Fields,
            jsonEscaped: true).Render(hostile, Now, Fields)!;

        using var json = System.Text.Json.JsonDocument.Parse(rendered);
        json.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["email", "total"]);
        json.RootElement.GetProperty("email").GetString().ShouldBe("x\", \"admin\": true, \"y\": \"\\\n");
        json.RootElement.GetProperty("total").GetDecimal().ShouldBe(72000m);
        // A lone expression in a JSON parameter is still text, escaped.
        Template.Compile("{{customer.email}}", Fields, jsonEscaped: true).Render(hostile, Now, Fields).ShouldBeOfType<string>();
    }
}
