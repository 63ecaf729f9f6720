using HyperCrm.Framework.Domain;
using HyperCrm.Sales.Domain.Deals;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Sales;

public sealed class PipelineTests
{
    private static Pipeline NewPipeline() => Pipeline.Create("Sales", [("Lead", 10), ("Demo", 40), ("Contract", 80)], isDefault: true);

    private static string[] Names(Pipeline p) => p.Stages.OrderBy(s => s.Order).Select(s => s.Name).ToArray();

    [Fact]
    public void Open_Stages_Should_Move_Among_Themselves_And_Never_Past_Won_And_Lost()
    {
        var pipeline = NewPipeline();
        var contract = pipeline.FindStage("Contract")!;

        pipeline.MoveStage(contract.Id, -1);
        pipeline.MoveStage(contract.Id, -1);
        pipeline.MoveStage(contract.Id, -1);
        Names(pipeline).ShouldBe(["Contract", "Lead", "Demo", "Won", "Lost"]);

        pipeline.MoveStage(pipeline.FindStage("Demo")!.Id, +1);
        Names(pipeline).ShouldBe(["Contract", "Lead", "Demo", "Won", "Lost"]);
        Should.Throw<BusinessException>(() => pipeline.MoveStage(pipeline.FindStage("Won")!.Id, -1)).Code.ShouldBe("Sales:StageNotOpen");
    }

    [Fact]
    public void Removing_A_Stage_Should_Name_Where_Its_Deals_Go_And_Keep_One_Open_Stage()
    {
        var pipeline = NewPipeline();
        var (lead, demo, contract) = (pipeline.FindStage("Lead")!, pipeline.FindStage("Demo")!, pipeline.FindStage("Contract")!);

        Should.Throw<BusinessException>(() => pipeline.RemoveStage(demo.Id, demo.Id)).Code.ShouldBe("Sales:StageTargetRequired");
        Should.Throw<BusinessException>(() => pipeline.RemoveStage(demo.Id,
            pipeline.FindStage("Won")!.Id)).Code.ShouldBe("Sales:StageTargetRequired");
        pipeline.RemoveStage(demo.Id, contract.Id).ShouldBe(contract);
        pipeline.RemoveStage(lead.Id, contract.Id);

        Names(pipeline).ShouldBe(["Contract", "Won", "Lost"]);
        pipeline.Stages.OrderBy(s => s.Order).Select(s => s.Order).ShouldBe([1, 2, 3]);
        Should.Throw<BusinessException>(() => pipeline.RemoveStage(contract.Id, contract.Id)).Code.ShouldBe("Sales:LastOpenStage");
    }
}
