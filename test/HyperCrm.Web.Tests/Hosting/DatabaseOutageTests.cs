using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.TestBase;
using Npgsql;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// Ready means the database answers now: when PostgreSQL goes away after start, /health/ready turns 503 naming the
/// database (so a load balancer stops sending traffic), live stays 200, and ready comes back by itself with the database.
/// </summary>
public sealed class DatabaseOutageTests(DatabaseOutageTests.OutageApp app) : IClassFixture<DatabaseOutageTests.OutageApp>
{
    [Fact]
    public async Task Ready_Should_Turn_503_While_The_Database_Is_Away_And_Come_Back_With_It()
    {
        using var client = app.CreateClient();
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await app.Database.StopAsync();
        var down = await Eventually.WaitForAsync(() => client.GetAsync("/health/ready"),
            r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        var body = await down.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("not_ready");
        body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("unhealthy");
        body.GetProperty("reason").GetString()!.ShouldContain("database");
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Database.Start();
        NpgsqlConnection.ClearAllPools();
        var up = await Eventually.WaitForAsync(() => client.GetAsync("/health/ready"), r => r.StatusCode == HttpStatusCode.OK);
        (await up.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("ready");
    }

    /// <summary>The app with its database behind a hop the test can cut.</summary>
    public sealed class OutageApp : HyperCrmWebApplicationFactory
    {
        public TcpForwarder Database { get; private set; } = null!;

        protected override string Route(string connectionString)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            Database = new TcpForwarder(builder.Port);
            Database.Start();
            builder.Port = Database.Port;
            return builder.ConnectionString;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Database.StopAsync().GetAwaiter().GetResult();
        }
    }
}
