using HyperCrm.Framework.Domain;
using HyperCrm.Robots;
using HyperCrm.Robots.Domain.Jobs;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Robots;

public sealed class BotJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static BotJob Running(string owner = "a/w1")
    {
        var job = new BotJob(Guid.NewGuid(), Guid.NewGuid(), "supplier", "Supplier", "{}", "rule", Now);
        // A worker's claim is SQL (SKIP LOCKED); the entity sees its result.
        typeof(BotJob).GetProperty(nameof(BotJob.State))!.SetValue(job, BotJobState.Running);
        typeof(BotJob).GetProperty(nameof(BotJob.LeaseOwner))!.SetValue(job, owner);
        return job;
    }

    [Fact]
    public void Only_The_Worker_Holding_The_Lease_Should_End_An_Attempt()
    {
        var job = Running("a/w1");
        Should.Throw<BusinessException>(() => job.Succeeded("b/w2", "{}", Now, Now)).Code.ShouldBe("Robots:LeaseLost");
        job.Succeeded("a/w1", """{"po_number":["PO-1"]}""", Now.AddSeconds(-12), Now);
        job.State.ShouldBe(BotJobState.Succeeded);
        var finished = job.GetDistributedEvents().OfType<BotJobFinishedEto>().Single();
        finished.Status.ShouldBe(BotJobStatuses.Succeeded);
        finished.RunSeconds.ShouldBe(12);
        job.OutputsText().ShouldBe("po_number: PO-1");
    }

    [Fact]
    public void A_Failure_For_Now_Should_Put_The_Job_Back_Without_Telling_Anyone()
    {
        var job = Running();
        job.FailedForNow("a/w1", "503", Now.AddSeconds(10), Now);
        job.State.ShouldBe(BotJobState.Queued);
        job.DueAt.ShouldBe(Now.AddSeconds(10));
        job.LeaseOwner.ShouldBeNull();
        job.GetDistributedEvents().ShouldBeEmpty();
    }

    [Fact]
    public void A_Job_Waiting_For_A_Person_Should_Go_On_When_They_Did_It_Or_Retry()
    {
        var job = Running();
        job.NeedsAPerson("a/w1", "page changed", Now);
        job.State.ShouldBe(BotJobState.NeedsPerson);
        job.GetDistributedEvents().OfType<BotJobFinishedEto>().ShouldBeEmpty();
        job.Retry(Now);
        job.State.ShouldBe(BotJobState.Queued);
        job.Attempts.ShouldBe(0);
        Should.Throw<BusinessException>(() => job.DoneByPerson("ann", Now));

        var other = Running();
        other.NeedsAPerson("a/w1", "sign-in refused", Now);
        other.DoneByPerson("ann", Now);
        other.GetDistributedEvents().OfType<BotJobFinishedEto>().Single().Status.ShouldBe(BotJobStatuses.DoneByPerson);
        Should.Throw<BusinessException>(() => other.Cancel("ann", Now)).Code.ShouldBe("Robots:JobOver");
    }
}
