namespace HyperCrm.Sandbox;

/// <summary>
/// The sandbox on its own (the CRM maps the same simulators into itself when <c>Sandbox:Enabled</c>):
/// <c>dotnet run --project src/HyperCrm.Sandbox -- --urls http://127.0.0.1:5090 --Sandbox:CrmUrl http://127.0.0.1:5080
/// --Webhooks:Inbound:Shops:demo:Secret whsec_… --Webhooks:Inbound:Couriers:sandbox:Secret whsec_…</c>.
/// </summary>
public static class SandboxProgram
{
    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSandbox(builder.Configuration);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseRouting();
        app.UseAuthorization();
        app.MapSandbox();
        app.MapGet("/", () => Results.Redirect("/sandbox"));
        await app.RunAsync();
    }
}
