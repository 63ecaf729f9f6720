using System.Diagnostics;
using System.Text.Json;
using HyperCrm.TestBase;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// The public OpenAPI document passes Redocly's recommended rules (redocly.yaml) with no error and no warning, checked by
/// the Redocly CLI itself (test.sh installs the pinned version and points HYPERCRM_REDOCLY at it).
/// </summary>
public sealed class OpenApiLintTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task The_OpenApi_Document_Should_Pass_Redocly_Lint_Without_Errors_Or_Warnings()
    {
        var document = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var folder = Directory.CreateTempSubdirectory("hypercrm-openapi-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);

            var (exit, output) = await RunAsync(Redocly(), "lint", file, "--config", Path.Combine(RepositoryRoot.Path, "redocly.yaml"),
                "--format", "json");

            var report = JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Select(p =>
                    $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: " +
                        $"{p.GetProperty("message").GetString()} " +
                             string.Join(", ",
                                 p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString())))
                .ToList();
            problems.ShouldBeEmpty();
            exit.ShouldBe(0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Redocly()
    {
        var path = Environment.GetEnvironmentVariable("HYPERCRM_REDOCLY") is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryRoot.Path, ".tools", "redocly", "node_modules", ".bin", "redocly");
        File.Exists(path).ShouldBeTrue($"The Redocly CLI is missing at {path}: ./etc/scripts/test.sh installs it.");
        return path;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        if (!text.Contains('{',
            StringComparison.Ordinal)) throw new InvalidOperationException($"redocly printed no report: {text} {await errors}");
        return (process.ExitCode, text);
    }
}
