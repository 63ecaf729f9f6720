using HyperCrm.Robots.Application;
using HyperCrm.Robots.Domain.Bots;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Robots;

public sealed class BotDefinitionValidatorTests
{
    private static IReadOnlyList<BotDefinitionProblem> Check(BotDefinition definition) => BotDefinitionValidator.Validate(definition, []);

    private static readonly BotDefinition Good = new()
    {
        AllowedHosts = ["portal.example.com"],
        Parameters = [new("portal", "https://portal.example.com")],
        Outcome = "number",
        Steps =
        [
            new BotStep { Kind = BotStepKind.Goto, Target = "{{portal}}/" },
            new BotStep { Kind = BotStepKind.Extract, Target = "#n", Variable = "number" },
        ],
    };

    [Fact]
    public void The_Seeded_Supplier_Bot_Should_Be_Valid() =>
        Check(SupplierBot.Definition(key => key)).ShouldBeEmpty();

    [Fact]
    public void A_Good_Definition_Should_Have_No_Problems() => Check(Good).ShouldBeEmpty();

    [Theory]
    [InlineData("https://portal.example.com", "allowed_hosts")]
    [InlineData("portal.example.com/path", "allowed_hosts")]
    [InlineData("", "allowed_hosts")]
    public void A_Host_Should_Be_A_Bare_Host_Name(string host, string field) =>
        Check(Good with { AllowedHosts = host.Length == 0 ? [] : [host] }).ShouldContain(p => p.Field == field);

    [Fact]
    public void A_Placeholder_Should_Name_Something_The_Bot_Has_At_That_Step()
    {
        var problems = Check(Good with
        {
            Steps =
            [
                new BotStep { Kind = BotStepKind.Fill, Target = "#q", Value = "{{number}}" },
                new BotStep { Kind = BotStepKind.Extract, Target = "#n", Variable = "number" },
                new BotStep { Kind = BotStepKind.Fill, Target = "#sku", Value = "{{line.sku}}" },
            ],
        });
        problems.ShouldContain(p => p.Field == "steps[0].value" && p.Key == "Problem:UnknownPlaceholder");
        problems.ShouldContain(p => p.Field == "steps[2].value" && p.Key == "Problem:UnknownPlaceholder");
    }

    [Fact]
    public void A_Repeat_Should_Have_Steps_And_Not_Hold_Another_Repeat()
    {
        var problems = Check(Good with
        {
            Steps =
            [
                new BotStep { Kind = BotStepKind.Repeat, Target = "lines" },
                new BotStep
                {
                    Kind = BotStepKind.Repeat, Target = "lines",
                    Steps =
                    [
                        new BotStep
                        {
                            Kind = BotStepKind.Repeat, Target = "lines", Steps = [new BotStep { Kind = BotStepKind.Screenshot }],
                        },
                    ],
                },
                new BotStep { Kind = BotStepKind.Extract, Target = "#n", Variable = "number" },
            ],
        });
        problems.ShouldContain(p => p.Field == "steps[0].steps" && p.Key == "Problem:EmptyRepeat");
        problems.ShouldContain(p => p.Field == "steps[1].steps[0]" && p.Key == "Problem:NestedRepeat");
    }

    [Fact]
    public void The_Outcome_Should_Be_A_Variable_Some_Step_Reads() =>
        Check(Good with { Outcome = "po" }).ShouldContain(p => p.Field == "outcome" && p.Key == "Problem:OutcomeNotRead");

    [Fact]
    public void A_Default_May_Only_Use_The_Sandbox_Address() =>
        Check(Good with { Parameters = [new("portal", "{{credentials.password}}")] })
            .ShouldContain(p => p.Field == "parameters[0].default");

    [Fact]
    public void A_Definition_Should_Survive_Its_Json()
    {
        var definition = SupplierBot.Definition(key => key);
        var again = BotDefinition.FromJson(definition.ToJson());
        again.ToJson().ShouldBe(definition.ToJson());
        again.AllSteps().Count().ShouldBe(definition.AllSteps().Count());
    }
}
