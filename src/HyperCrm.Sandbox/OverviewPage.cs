using static HyperCrm.Sandbox.Html;

namespace HyperCrm.Sandbox;

/// <summary>The sandbox's front page: every simulator, its ledger size and its current fault.</summary>
internal static class OverviewPage
{
    public static void Map(RouteGroupBuilder sandbox) =>
        sandbox.MapGet("/", (SandboxWorld world) =>
        {
            var rows = string.Concat(world.Services.Select(s =>
                $"<tr><td>{E(s.Name)}</td><td>{s.Ledger.Count}</td><td>{E(s.CurrentFault?.Mode ?? "ok")}</td><td><a " +
                    $"href=\"/sandbox/{s.Name}/ledger\">ledger (JSON)</a></td></tr>"));
            return Page("Simulators", $"<table><tr><th>service</th><th>ledger entries</th><th>fault</th><th></th></tr>{rows}</table>");
        });
}
