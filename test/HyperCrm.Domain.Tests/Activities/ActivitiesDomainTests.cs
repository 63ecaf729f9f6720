using HyperCrm.Activities;
using HyperCrm.Activities.Domain;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Activities;

public sealed class ActivitiesDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_Approval_Is_Decided_Once_And_Announces_The_Decision()
    {
        var customer = Guid.NewGuid();
        var approval = new Approval(Guid.NewGuid(), new RequestApprovalInput("Large first order #1001", null, LinkKind.Order,
            Guid.NewGuid(), customer,
            "rule: Large first orders wait for approval", "run-1:approve"));

        approval.Decide(approve: true, "Maria", "  checked the payment  ", Now);

        approval.Status.ShouldBe(ApprovalStatus.Approved);
        approval.Comment.ShouldBe("checked the payment");
        var decided = approval.GetDistributedEvents().OfType<ApprovalDecidedEto>().ShouldHaveSingleItem();
        decided.Approved.ShouldBeTrue();
        decided.CorrelationKey.ShouldBe("run-1:approve");
        approval.GetDistributedEvents().OfType<TimelineEventEto>().ShouldHaveSingleItem().CustomerId.ShouldBe(customer);
        var again = Should.Throw<BusinessRuleValidationException>(() => approval.Decide(approve: false, "Ivan", "changed my mind", Now));
        again.Code.ShouldBe("Activities:AlreadyDecided");
        again.Arguments.ShouldBe([ApprovalStatus.Approved]);
        approval.Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_Rejection_Needs_A_Comment(string? comment)
    {
        var approval = new Approval(Guid.NewGuid(), new RequestApprovalInput("Refund", null, LinkKind.None, null, null, "rule"));

        Should.Throw<BusinessRuleValidationException>(() => approval.Decide(approve: false, "Maria", comment,
            Now)).Code.ShouldBe("Activities:CommentRequired");
        approval.Status.ShouldBe(ApprovalStatus.Pending);
        approval.GetDistributedEvents().ShouldBeEmpty();
    }

    [Fact]
    public void A_Task_Is_Completed_Once_And_A_Customers_Task_Shows_On_The_Timeline()
    {
        var customer = Guid.NewGuid();
        var task = new WorkTask(Guid.NewGuid(), new CreateWorkTaskDto { Title = " Call the VIP ", LinkKind = LinkKind.Customer,
            LinkId = customer }, "rule", Now,
            ActorKind.Rule);

        task.Title.ShouldBe("Call the VIP");
        task.CustomerId.ShouldBe(customer);
        task.GetDistributedEvents().OfType<TimelineEventEto>().ShouldHaveSingleItem().Actor.ShouldBe(ActorKind.Rule);
        task.Complete("Maria", Now);

        task.Status.ShouldBe(WorkTaskStatus.Done);
        task.CompletedAt.ShouldBe(Now);
        task.GetDistributedEvents().OfType<WorkTaskCompletedEto>().ShouldHaveSingleItem();
        Should.Throw<BusinessRuleValidationException>(() => task.Complete("Ivan", Now)).Code.ShouldBe("Activities:TaskClosed");
    }

    [Fact]
    public void A_Task_Without_A_Link_Is_About_Nothing_And_Titles_Are_Bounded()
    {
        var task = new WorkTask(Guid.NewGuid(), new CreateWorkTaskDto { Title = "Tidy up", LinkKind = LinkKind.Deal }, "Maria", Now);

        task.LinkKind.ShouldBe(LinkKind.None);
        task.CustomerId.ShouldBeNull();
        task.GetDistributedEvents().ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => new WorkTask(Guid.NewGuid(), new CreateWorkTaskDto { Title = new string('x', 201) }, "Maria",
            Now));
        Should.Throw<ArgumentException>(() => new WorkTask(Guid.NewGuid(), new CreateWorkTaskDto { Title = " " }, "Maria", Now));
    }
}
