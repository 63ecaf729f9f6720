using System.Diagnostics;

namespace HyperCrm.Chaos;

/// <summary>
/// The app as run.sh runs it, in a process of its own (the environment chaos.sh exported, the sandbox inside it with its
/// world journaled to disk), so the fault suite can kill it, stop it with SIGTERM and start it again.
/// </summary>
public sealed class AppProcess(string dll, string workingDirectory, string baseUrl, string logPath,
    IReadOnlyDictionary<string, string>? environment = null) : IDisposable
{
    private Process? _process;

    public string BaseUrl { get; } = baseUrl;

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        _process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The app was not ready within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>kill -9: no chance to finish anything.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd or Kubernetes stop it; waits until it has exited.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        if (_process is null) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill!.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) Kill();
        _process?.Dispose();
    }
}
