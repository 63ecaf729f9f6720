using HyperCrm.Framework.Domain;
using HyperCrm.Intelligence.Agents;

namespace HyperCrm.Intelligence.Domain;

/// <summary>
/// An agent at work in one step of one run: its transcript (model turns and tool calls, in order), what it has spent
/// (turns, tokens, time) and where it stands. Saved after every turn and every call, so the step executed again (after
/// an approval, a retry, a crash) goes on from the last saved entry with the same call ids and keys: no model turn is
/// asked twice, no tool runs twice. A finished session answers the same however often it is asked.
/// </summary>
public sealed class AgentSession : AggregateRoot<Guid>
{
    public const int MaxFailureLength = 500;
    public const int MaxAnswerLength = 4000;

    private List<AgentEntry> _entries = [];

    public Guid RunId { get; private set; }
    public string StepId { get; private set; } = string.Empty;
    public string RuleName { get; private set; } = string.Empty;
    public AgentState State { get; private set; }
    public IReadOnlyList<AgentEntry> Entries => _entries;
    public int Turns { get; private set; }
    public long Tokens { get; private set; }
    public long ElapsedMs { get; private set; }
    public int? PendingCall { get; private set; }
    public Guid? PendingApprovalId { get; private set; }
    public string? Answer { get; private set; }
    public string? Failure { get; private set; }
    public string? Model { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private AgentSession() { }

    public AgentSession(Guid id, Guid runId, string stepId, string ruleName, DateTimeOffset now) : base(id)
    {
        RunId = runId;
        StepId = stepId;
        RuleName = ruleName;
        State = AgentState.Working;
        StartedAt = UpdatedAt = now;
    }

    public bool IsFinished => State is AgentState.Succeeded or AgentState.Failed;

    /// <summary>The calls of the last turn that have no outcome yet, in the order the model asked for them.</summary>
    public IReadOnlyList<AgentCall> OpenCalls
    {
        get
        {
            var last = _entries.LastOrDefault(e => e.Kind == "turn");
            if (last is null) return [];
            var answered = Outcomes.Select(e => e.No).ToHashSet();
            return last.Calls.Where(c => !answered.Contains(c.No)).ToList();
        }
    }

    /// <summary>How many calls the model has asked for so far (the next call's number is one more).</summary>
    public int CallCount => _entries.Where(e => e.Kind == "turn").Sum(e => e.Calls.Count);

    /// <summary>The calls answered (ran, refused, failed, rejected), in order.</summary>
    public IEnumerable<AgentEntry> Outcomes => _entries.Where(e => e.Kind == "call" && e.Status != AgentCallStatus.AwaitingApproval);

    public void RecordTurn(string? text, IReadOnlyList<AgentCall> calls, long inputTokens, long outputTokens, string model,
        DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        RequireWorking();
        Turns++;
        Tokens += inputTokens + outputTokens;
        Model = model;
        Add(new AgentEntry
        {
            Kind = "turn", Text = text, Calls = calls, InputTokens = inputTokens, OutputTokens = outputTokens, StartedAt = startedAt,
            FinishedAt = finishedAt,
        });
    }

    public void RecordCall(AgentCall call, AgentCallStatus status, string result, HyperCrm.Framework.Localization.Message summary,
        DateTimeOffset startedAt, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (State == AgentState.AwaitingApproval && call.No == PendingCall)
        {
            State = AgentState.Working;
            PendingCall = null;
            PendingApprovalId = null;
        }
        RequireWorking();
        if (status == AgentCallStatus.AwaitingApproval) throw new InvalidOperationException("Use AwaitApproval for that.");
        Add(new AgentEntry
        {
            Kind = "call", No = call.No, CallId = call.CallId, Tool = call.Tool, Arguments = call.Arguments, Status = status,
                Result = result,
            Summary = summary, StartedAt = startedAt, FinishedAt = finishedAt,
        });
    }

    /// <summary>A person must approve <paramref name="call"/> first: the approval is open and the agent waits for it.</summary>
    public void AwaitApproval(AgentCall call, Guid approvalId, HyperCrm.Framework.Localization.Message summary, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        RequireWorking();
        State = AgentState.AwaitingApproval;
        PendingCall = call.No;
        PendingApprovalId = approvalId;
        Add(new AgentEntry
        {
            Kind = "call", No = call.No, CallId = call.CallId, Tool = call.Tool, Arguments = call.Arguments,
                Status = AgentCallStatus.AwaitingApproval,
            Summary = summary, StartedAt = now, FinishedAt = now,
        });
    }

    public void Spend(TimeSpan time, DateTimeOffset now)
    {
        ElapsedMs += (long)time.TotalMilliseconds;
        UpdatedAt = now;
    }

    public void Succeed(string answer, DateTimeOffset now)
    {
        RequireWorking();
        State = AgentState.Succeeded;
        Answer = answer.Length > MaxAnswerLength ? answer[..MaxAnswerLength] : answer;
        UpdatedAt = now;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        if (IsFinished) throw new InvalidOperationException("The agent has already finished.");
        State = AgentState.Failed;
        PendingCall = null;
        PendingApprovalId = null;
        Failure = reason.Length > MaxFailureLength ? reason[..MaxFailureLength] : reason;
        UpdatedAt = now;
    }

    private void Add(AgentEntry entry)
    {
        _entries = [.. _entries, entry with { Seq = _entries.Count + 1 }];
        UpdatedAt = entry.FinishedAt;
    }

    private void RequireWorking()
    {
        if (State != AgentState.Working) throw new InvalidOperationException($"The agent is {State}, not working.");
    }
}
