namespace HyperCrm.Chaos;

/// <summary>What a scenario can do to the system: the app's process, PostgreSQL, the simulators, the partner's receiver.</summary>
public sealed class Fault(AppProcess app, string pgRestartCommand, HttpClient sandbox, WebhookReceiver receiver,
    AppProcess? survivor = null)
{
    public AppProcess App { get; } = app;

    /// <summary>With two instances: the one left running when <see cref="App"/> is killed for good (it must finish the work).</summary>
    public AppProcess? Survivor { get; } = survivor;
    public WebhookReceiver Receiver { get; } = receiver;

    /// <summary>PostgreSQL restarted in immediate mode (no checkpoint, every session cut), as a crash and recovery would.</summary>
    public async Task RestartPostgresAsync()
    {
        using var process = System.Diagnostics.Process.Start("bash", ["-c", pgRestartCommand])!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException("Restarting PostgreSQL failed.");
    }

    public async Task SimulatorAsync(string service, string mode, double seconds, double delaySeconds = 5)
    {
        var response = await sandbox.PostAsync($"/sandbox/{service}/faults", JsonContent(
            $"{{\"mode\":\"{mode}\",\"seconds\":{seconds},\"delaySeconds\":{delaySeconds}}}"));
        response.EnsureSuccessStatusCode();
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
