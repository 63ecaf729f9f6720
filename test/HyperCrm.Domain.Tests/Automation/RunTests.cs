using HyperCrm.Automation.Domain.Runs;
using HyperCrm.Automation.Rules;
using HyperCrm.Automation.Runs;
using HyperCrm.Framework.Domain;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Automation;

public sealed class RunTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_Run_Completes_Once_And_Says_So()
    {
        var run = NewRun();
        run.MarkRunning();
        run.MoveTo(1, "next");

        run.Complete(Now);

        run.State.ShouldBe(RunState.Completed);
        run.FinishedAt.ShouldBe(Now);
        run.NextAttemptAt.ShouldBeNull();
        run.GetDistributedEvents().OfType<RunCompletedEto>().ShouldHaveSingleItem().RunId.ShouldBe(run.Id);
        Should.Throw<BusinessRuleValidationException>(() => run.Complete(Now)).Code.ShouldBe("Automation:RunStateForbids");
        Should.Throw<BusinessRuleValidationException>(() => run.MarkRunning()).Code.ShouldBe("Automation:RunStateForbids");
        Should.Throw<BusinessRuleValidationException>(() => run.MoveTo(2, null)).Code.ShouldBe("Automation:RunStateForbids");
    }

    [Fact]
    public void A_Failing_Step_Backs_Off_Doubling_Then_Dead_Letters()
    {
        var run = NewRun();
        run.MarkRunning();
        run.Enter("erp");
        var zeroJitter = new FixedRandom(0.5);

        run.Fail("ERP down", permanent: false, Now, zeroJitter, maxAttempts: 3).ShouldBeFalse();
        run.NextAttemptAt.ShouldBe(Now + RunLimits.FirstBackoff);
        run.Fail("ERP down", permanent: false, Now, zeroJitter, maxAttempts: 3).ShouldBeFalse();
        run.NextAttemptAt.ShouldBe(Now + RunLimits.FirstBackoff * 2);
        run.Fail("ERP down", permanent: false, Now, zeroJitter, maxAttempts: 3).ShouldBeTrue();

        run.State.ShouldBe(RunState.DeadLettered);
        run.NextAttemptAt.ShouldBeNull();
        run.GetDistributedEvents().OfType<RunFailedEto>().Select(e => e.Attempt).ShouldBe([1, 2]);
        var dead = run.GetDistributedEvents().OfType<RunDeadLetteredEto>().ShouldHaveSingleItem();
        dead.StepId.ShouldBe("erp");
        dead.Attempts.ShouldBe(3);
        Should.Throw<BusinessRuleValidationException>(() => run.Fail("again", false, Now,
            zeroJitter)).Code.ShouldBe("Automation:RunStateForbids");
    }

    [Fact]
    public void Jitter_Keeps_The_Backoff_Within_Its_Band()
    {
        var low = NewRun();
        low.MarkRunning();
        low.Fail("x", false, Now, new FixedRandom(0), maxAttempts: 5);
        var high = NewRun();
        high.MarkRunning();
        high.Fail("x", false, Now, new FixedRandom(0.999999), maxAttempts: 5);

        (low.NextAttemptAt!.Value - Now).ShouldBe(RunLimits.FirstBackoff * (1 - RunLimits.BackoffJitter));
        (high.NextAttemptAt!.Value - Now).TotalSeconds.ShouldBe(RunLimits.FirstBackoff.TotalSeconds * (1 + RunLimits.BackoffJitter), 0.001);
    }

    [Fact]
    public void A_Long_Error_Is_Cut_To_The_Limit()
    {
        var run = NewRun();
        run.MarkRunning();

        run.Fail(new string('e', RunLimits.MaxErrorLength + 50), permanent: true, Now, new FixedRandom(0.5));

        run.LastError!.Text!.Length.ShouldBe(RunLimits.MaxErrorLength);
    }

    [Fact]
    public void Only_A_Waiting_Run_Resumes_And_The_Event_Joins_Its_Data()
    {
        var run = NewRun();
        run.MarkRunning();
        Should.Throw<BusinessRuleValidationException>(() => run.Resume(new Dictionary<string, object?>(), false, Now));

        run.WaitForEvent("sales.order.status_changed", Guid.NewGuid(), Now.AddHours(1));
        run.IsWaitingForEvent.ShouldBeTrue();
        Should.Throw<BusinessRuleValidationException>(() => run.Complete(Now));
        run.Resume(new Dictionary<string, object?> { ["order.new_status"] = "reserved" }, timedOut: false, Now);

        run.State.ShouldBe(RunState.Running);
        run.Pc.ShouldBe(1);
        run.Data["order.new_status"].ShouldBe("reserved");
        run.Data["wait.timed_out"].ShouldBe(false);
        run.Data["order.total"].ShouldBe(100m);
    }

    [Fact]
    public void Outputs_Join_The_Data_Under_Their_Step_And_The_Data_Is_The_Runs_Own()
    {
        var given = new Dictionary<string, object?> { ["order.total"] = 100m };
        var run = NewRun(given);
        run.MarkRunning();

        run.RecordOutputs("erp", new Dictionary<string, object?> { ["document"] = "CO-1" });
        given["order.total"] = 1m;

        run.Data["steps.erp.document"].ShouldBe("CO-1");
        run.Data["order.total"].ShouldBe(100m);
        run.Data.ShouldNotBeAssignableTo<Dictionary<string, object?>>();
    }

    [Fact]
    public void Operators_Retry_Or_Skip_Only_Dead_Lettered_Runs_And_Cancel_Unfinished_Ones()
    {
        var run = NewRun();
        run.MarkRunning();
        Should.Throw<BusinessException>(() => run.SkipFailedStep(Now)).Code.ShouldBe("Automation:NotDeadLettered");
        run.Fail("refused", permanent: true, Now, new FixedRandom(0.5));

        run.RetryFrom(Guid.NewGuid(), 2, 0, "erp", Now);
        run.State.ShouldBe(RunState.Running);
        run.VersionNumber.ShouldBe(2);
        run.Attempt.ShouldBe(0);

        run.Cancel("operator gave up", Now);
        run.State.ShouldBe(RunState.Cancelled);
        Should.Throw<BusinessRuleValidationException>(() => run.Cancel("again", Now));
    }

    [Fact]
    public void A_Run_Whose_Subject_Ended_Undoes_Its_Done_Steps_Last_First_Then_Stops()
    {
        var run = NewRun();
        run.MarkRunning();
        run.RecordDone("erp");
        run.RecordDone("reserve");
        run.RecordDone("reserve");
        run.RecordDone("pick");
        run.WaitForEvent("integrations.wms.picked", Guid.NewGuid(), Now.AddHours(4));

        run.EndWithSubject(HyperCrm.Framework.Localization.Message.Of("Sales:Run:OrderCancelled"), Now);

        run.State.ShouldBe(RunState.Compensating);
        run.WaitTrigger.ShouldBeNull();
        run.NextAttemptAt.ShouldBe(Now);
        run.NextCompensation.ShouldBe("pick");
        Should.Throw<BusinessException>(() => run.Compensate("erp", Now)).Code.ShouldBe("Automation:NotNextCompensation");
        run.Compensate("pick", Now);
        run.NextCompensation.ShouldBe("reserve");
        run.Compensate("reserve", Now);
        run.Compensate("erp", Now);
        run.State.ShouldBe(RunState.Stopped);
        run.LastError!.Key.ShouldBe("Sales:Run:OrderCancelled");
        run.GetDistributedEvents().OfType<RunDeadLetteredEto>().ShouldBeEmpty();
    }

    [Fact]
    public void A_Run_A_Stop_Step_Handed_To_A_Person_Is_Undone_When_The_Person_Cancels_Its_Order()
    {
        var run = NewRun();
        run.MarkRunning();
        run.RecordDone("pick");
        run.Stop(HyperCrm.Framework.Localization.Message.Of("Automation:Run:StoppedBy", ("step", "halt")), Now);
        run.HandedOver.ShouldBeTrue();

        run.EndWithSubject(HyperCrm.Framework.Localization.Message.Of("Sales:Run:OrderCancelled"), Now.AddHours(1));

        run.State.ShouldBe(RunState.Compensating);
        run.NextAttemptAt.ShouldBe(Now.AddHours(1));
        run.Compensate("pick", Now.AddHours(1));
        run.State.ShouldBe(RunState.Stopped);
        run.HandedOver.ShouldBeFalse();
        Should.Throw<BusinessRuleValidationException>(() => run.EndWithSubject(
            HyperCrm.Framework.Localization.Message.Of("Sales:Run:OrderCancelled"), Now)).Code.ShouldBe("Automation:RunStateForbids");
    }

    [Fact]
    public void A_Step_Failing_For_Good_After_Undoable_Steps_Undoes_Them_Then_Dead_Letters_And_Cannot_Be_Retried()
    {
        var run = NewRun();
        run.MarkRunning();
        run.RecordDone("erp");
        run.Enter("reserve");

        run.Fail("400: unknown SKU", permanent: true, Now, new FixedRandom(0.5)).ShouldBeTrue();

        run.State.ShouldBe(RunState.Compensating);
        run.GetDistributedEvents().OfType<RunDeadLetteredEto>().ShouldBeEmpty();
        run.Compensate("erp", Now);
        run.State.ShouldBe(RunState.DeadLettered);
        run.GetDistributedEvents().OfType<RunDeadLetteredEto>().ShouldHaveSingleItem().Error.ShouldContain("unknown SKU");
        Should.Throw<BusinessException>(() => run.SkipFailedStep(Now)).Code.ShouldBe("Automation:RunWasCompensated");
    }

    [Fact]
    public void An_Undo_That_Keeps_Failing_Is_Retried_Then_Given_Up_And_The_Run_Ends_Dead_Lettered_Even_If_Stopped()
    {
        var run = NewRun();
        run.MarkRunning();
        run.RecordDone("erp");
        run.RecordDone("ship");
        run.EndWithSubject(HyperCrm.Framework.Localization.Message.Of("Sales:Run:OrderCancelled"), Now);

        run.CompensationFailed("ship", "courier down", permanent: false, Now, new FixedRandom(0.5), maxAttempts: 2).ShouldBeFalse();
        run.NextAttemptAt.ShouldBe(Now + RunLimits.FirstBackoff);
        run.NextCompensation.ShouldBe("ship");
        run.CompensationFailed("ship", "courier down", permanent: false, Now, new FixedRandom(0.5), maxAttempts: 2).ShouldBeTrue();
        run.NextCompensation.ShouldBe("erp");
        run.Compensate("erp", Now);

        run.State.ShouldBe(RunState.DeadLettered);
        run.LastError!.Text.ShouldBe("Undoing 'ship' failed: courier down");
    }

    [Fact]
    public void A_Skipped_Run_Was_Never_Started()
    {
        var run = NewRun();

        run.Skip(HyperCrm.Framework.Localization.Message.Of("Automation:Run:ConditionNotHeld"), Now);

        run.State.ShouldBe(RunState.Skipped);
        run.IsFinished.ShouldBeTrue();
        run.GetDistributedEvents().ShouldBeEmpty();
    }

    private static Run NewRun(Dictionary<string, object?>? data = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "rule", Guid.NewGuid(), 1, "sales.order.created", Guid.NewGuid(), "order", Guid.NewGuid(),
            HyperCrm.Framework.Localization.Message.Verbatim("order #1"), 0, data ?? new Dictionary<string,
                object?> { ["order.total"] = 100m }, Now);

    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }
}
