namespace HyperCrm.Automation.Engine;

public enum StepOutcome
{
    /// <summary>Go on with the next instruction in the same transaction.</summary>
    Continue,

    /// <summary>A side effect happened: commit now, then go on.</summary>
    Commit,

    /// <summary>The run waits, failed, finished, or (inline) has a side effect ahead for the worker.</summary>
    Parked,
}
