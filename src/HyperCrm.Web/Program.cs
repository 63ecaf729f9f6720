using HyperCrm.Framework.Modularity;
using HyperCrm.Web;
using HyperCrm.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["HYPERCRM_URLS"] ?? HyperCrmWebModule.DefaultUrls);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = HyperCrmWebModule.MaxRequestBodyBytes);
// The UI shell's and the modules' static files (_content/...) when running from a build; a publish copies them to wwwroot.
builder.WebHost.UseStaticWebAssets();
builder.AddHyperModules<HyperCrmWebModule>();

var app = builder.Build();
if (args.Contains("--migrate")) return await DatabaseMigrator.MigrateAndSeedAsync(app.Services);

app.UseHyperModules();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
