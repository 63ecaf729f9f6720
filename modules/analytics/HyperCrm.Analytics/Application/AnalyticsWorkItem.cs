namespace HyperCrm.Analytics.Application;

/// <summary>One piece of background analytics work: how far it got (a share, or a count when the whole is unknown), and
/// whether it finished or failed.</summary>
public sealed class AnalyticsWorkItem(string key) : IProgress<AnalyticsWorkProgress>
{
    private Task _task = Task.CompletedTask;

    public string Key { get; } = key;
    public AnalyticsWorkProgress Progress { get; private set; } = new(0, null);
    public DateTimeOffset? FinishedAt { get; private set; }
    public bool Done => _task.IsCompleted;
    public bool Failed => _task.IsFaulted || _task.IsCanceled;
    public Task Task => _task;

    public void Report(AnalyticsWorkProgress value) => Progress = value;

    internal void Run(Task task) => _task = task.ContinueWith(t =>
    {
        FinishedAt = DateTimeOffset.UtcNow;
        if (t.IsCompletedSuccessfully) Progress = Progress with { Share = 1 };
        return t;
    }, TaskScheduler.Default).Unwrap();
}
