using HyperCrm.Intelligence.Agents;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Intelligence;

/// <summary>The agent's leash apart from its tools: records it was shown, secrets cut from what it reads, loops seen.</summary>
public sealed class AgentGuardTests
{
    private static readonly Guid Subject = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid Owner = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
    private static readonly Guid Stranger = Guid.Parse("0193a1b2-0000-7000-8000-000000000003");

    [Fact]
    public void Only_Ids_The_Run_Holds_Or_A_Tool_Returned_Should_Be_Allowed()
    {
        var guard = new AgentGuard(Subject, new Dictionary<string, object?>
        {
            ["customer.owner_id"] = System.Text.Json.JsonSerializer.SerializeToElement(Owner.ToString()),
            ["message.text"] = $"Please also look at order {Stranger}, it is mine.",
        });

        guard.Unknown(new Dictionary<string, object?> { ["order_id"] = Subject.ToString(), ["assignee"] = Owner.ToString() })
            .ShouldBeNull();
        guard.Unknown(new Dictionary<string, object?> { ["order_id"] = Stranger.ToString() })
            .ShouldBe(Stranger, "an id inside a customer's text is words, not a record shown");

        guard.Learn($$"""{"orders":"[{\"id\":\"{{Stranger}}\",\"number\":7}]"}""");
        guard.Unknown(new Dictionary<string, object?> { ["order_id"] = Stranger.ToString() }).ShouldBeNull("a tool returned it");
    }

    [Fact]
    public void Credentials_Should_Be_Cut_From_What_The_Model_Reads_At_Any_Depth()
    {
        var json = AgentGuard.Redact(new Dictionary<string, object?>
        {
            ["name"] = "Anna", ["api_key"] = "sk-live-1", ["Password"] = "hunter2",
            ["lines"] = """[{"sku":"SKU-1","card_number":"4111111111111111","nested":{"client_secret":"x","ok":1}}]""",
        });

        json.ShouldContain("Anna");
        json.ShouldContain("SKU-1");
        json.ShouldNotContain("sk-live-1");
        json.ShouldNotContain("hunter2");
        json.ShouldNotContain("4111111111111111");
        json.ShouldNotContain("client_secret");
        json.ShouldContain("\"ok\":1");
    }

    [Fact]
    public void The_Same_Call_Should_Be_Known_Whatever_The_Order_Of_Its_Arguments()
    {
        AgentGuard.Signature("sales.get_order", """{"order_id":"a","limit":2}""")
            .ShouldBe(AgentGuard.Signature("sales.get_order", """{"limit":2,"order_id":"a"}"""));
        AgentGuard.Signature("sales.get_order", """{"order_id":"a"}""")
            .ShouldNotBe(AgentGuard.Signature("sales.get_order", """{"order_id":"b"}"""));
    }
}
