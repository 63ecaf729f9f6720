using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Sales.Data;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// A database blip in the middle of a request: the server drops the connection that is writing the order (as a restart
/// does), and while it is "away" no claim can be released by a second statement. The client's answer is a 503 with
/// Retry-After, nothing of the request is kept, and the retry with the same Idempotency-Key (or webhook-id) runs the request
/// once, at once: no key stays "in flight".
/// </summary>
public sealed class DatabaseBlipTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task An_Api_Order_Interrupted_By_A_Blip_Should_Be_Placed_Once_By_The_Retry()
    {
        await BlipOnceAsync("blip-api-1");
        using var client = app.Http(await app.CreatePartnerKeyAsync("blip-partner", "orders.write", "orders.read"));
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(client, key);
        var retry = await PostAsync(client, key);
        var replay = await PostAsync(client, key);

        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync());
        first.Headers.RetryAfter.ShouldNotBeNull();
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Common:DatabaseUnavailable");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await CountOrdersAsync("blip-api-1")).ShouldBe(1);
    }

    [Fact]
    public async Task A_Shop_Webhook_Interrupted_By_A_Blip_Should_Be_Stored_Once_By_The_Redelivery()
    {
        await BlipOnceAsync("blip-hook-1");
        using var http = app.Http();
        var body = SandboxFixture.OrderBody("blip-hook-1", "blip.hook@example.com");

        var first = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_blip_1"));
        var again = await http.SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders", body, SandboxFixture.ShopSecret, "msg_blip_1"));

        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await first.Content.ReadAsStringAsync());
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        (await CountOrdersAsync("blip-hook-1")).ShouldBe(1);
        (await app.ScalarAsync("SELECT count(*) FROM integrations.inbound_webhooks WHERE webhook_id = 'msg_blip_1'")).ShouldBe(1L);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(JsonSerializer.Deserialize<JsonElement>(SandboxFixture.OrderBody("blip-api-1",
                "blip.api@example.com")).GetProperty("data")),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>
    /// The first insert of an order with this external id kills its own server process (the sequence is not rolled back, so
    /// it happens once); and any release of an idempotency claim fails, as it would while the server is away.
    /// </summary>
    private async Task BlipOnceAsync(string externalId)
    {
        var sequence = "blip_" + externalId.Replace('-', '_');
        await app.ExecuteSqlAsync($"""
            CREATE SEQUENCE IF NOT EXISTS public.{sequence};
            CREATE OR REPLACE FUNCTION public.{sequence}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.external_id = '{externalId}' AND nextval('public.{sequence}') = 1 THEN
                PERFORM pg_terminate_backend(pg_backend_pid());
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {sequence} BEFORE INSERT ON sales.orders FOR EACH ROW EXECUTE FUNCTION public.{sequence}();
            CREATE OR REPLACE FUNCTION public.no_release() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'the database is away'; END $$;
            CREATE OR REPLACE TRIGGER no_release BEFORE DELETE ON platform.idempotency_records FOR EACH ROW
              EXECUTE FUNCTION public.no_release();
            """);
    }



    private async Task<int> CountOrdersAsync(string externalId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesDbContext>().Orders.CountAsync(o => o.ExternalId == externalId);
    }
}
