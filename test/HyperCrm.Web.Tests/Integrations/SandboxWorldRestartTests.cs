using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HyperCrm.Sandbox;
using HyperCrm.TestBase;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>
/// The sandbox on its own, with a data directory, stopped and started again: ERP counterparties and documents, stock, pick
/// tasks, shipments, messages, purchase orders and every ledger are as they were, a retry with a known idempotency key is
/// answered as before and adds nothing, a half-written last line is ignored, and a reset forgets the world for good.
/// </summary>
public sealed class SandboxWorldRestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "hypercrm-world-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_Outside_World_Should_Survive_A_Restart_And_Forget_Only_When_Reset()
    {
        JsonObject counterparty, order, ledgerBefore;
        int stockBefore;
        await using (var first = await StartAsync())
        {
            counterparty = await PostAsync(first, "/sandbox/erp/odata/Catalog_Counterparties", new { description = "ООО Ромашка",
                email = "buyer@example.com" }, "cp-1");
            order = await PostAsync(first, "/sandbox/erp/odata/Document_CustomerOrder", new JsonObject
            {
                ["Counterparty_Key"] = counterparty["Ref_Key"]!.GetValue<string>(), ["crmOrderId"] = "order-1",
                ["lines"] = new JsonArray(new JsonObject { ["sku"] = "SKU-007", ["quantity"] = 3, ["price"] = 100 }),
            }, "co-1");
            await PostAsync(first, $"/sandbox/erp/odata/Document_CustomerOrder/{order["Ref_Key"]}/Reserve", new { }, "res-1");
            await PostAsync(first, "/sandbox/wms/pick-tasks", new { reference = "order-1", lines = new[] { new { sku = "SKU-007",
                quantity = 3, price = 100 } } }, "pick-1");
            await PostAsync(first, "/sandbox/courier/shipments", new { reference = "order-1", recipient = "Анна", address = "Москва" },
                "ship-1");
            await PostAsync(first, "/sandbox/sms/messages", new { to = "+79161234567", text = "Ваш заказ в пути" }, "sms-1");
            stockBefore = await ReservedAsync(first, "SKU-007");
            ledgerBefore = await LedgersAsync(first);
        }
        stockBefore.ShouldBe(3);
        // A process killed in the middle of a write leaves half a line: that call never answered, so it never happened.
        await File.AppendAllTextAsync(Path.Combine(_directory, SandboxJournal.FileName), "{\"kind\":\"counterparty\",\"value\":{\"ref");

        await using (var second = await StartAsync())
        {
            (await LedgersAsync(second)).ToJsonString().ShouldBe(ledgerBefore.ToJsonString());
            (await ReservedAsync(second, "SKU-007")).ShouldBe(3);
            var again = await PostAsync(second, "/sandbox/erp/odata/Catalog_Counterparties", new { description = "ООО Ромашка",
                email = "buyer@example.com" }, "cp-1");
            again["Ref_Key"]!.GetValue<string>().ShouldBe(counterparty["Ref_Key"]!.GetValue<string>());
            var fetched = await second.Http.GetFromJsonAsync<JsonObject>($"/sandbox/erp/odata/Document_CustomerOrder/{order["Ref_Key"]}");
            fetched!["Number"]!.GetValue<string>().ShouldBe(order["Number"]!.GetValue<string>());
            // New documents carry on the numbering instead of starting again.
            var next = await PostAsync(second, "/sandbox/erp/odata/Catalog_Counterparties", new { description = "ИП Иванов" }, "cp-2");
            string.CompareOrdinal(next["Code"]!.GetValue<string>(), counterparty["Code"]!.GetValue<string>()).ShouldBeGreaterThan(0);
            (await LedgersAsync(second))["erp"]!.AsArray().Count.ShouldBe(ledgerBefore["erp"]!.AsArray().Count + 1);

            (await second.Http.PostAsync("/sandbox/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        await using var third = await StartAsync();
        var ledgers = await LedgersAsync(third);
        ledgers.Select(l => l.Value!.AsArray().Count).ShouldAllBe(c => c == 0);
        (await ReservedAsync(third, "SKU-007")).ShouldBe(0);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private sealed class Sandbox(WebApplication app, HttpClient http) : IAsyncDisposable
    {
        public HttpClient Http { get; } = http;

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private async Task<Sandbox> StartAsync()
    {
        var (app, url) = await LoopbackApp.StartAsync(app =>
        {
            app.UseRouting();
            app.UseAuthorization();
            app.MapSandbox();
        }, builder =>
        {
            builder.Configuration["Sandbox:DataDirectory"] = _directory;
            builder.Configuration["Sandbox:CrmUrl"] = "http://127.0.0.1:9";
            builder.Configuration["Sandbox:Courier:DeliverAfterSeconds"] = "3600";
            builder.Services.AddSandbox(builder.Configuration);
            builder.Services.AddAuthorization();
        });
        var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("crm:erp-demo")));
        return new Sandbox(app, http);
    }

    private static async Task<JsonObject> PostAsync(Sandbox sandbox, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("X-Crm-Reference", "order-1");
        using var response = await sandbox.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> LedgersAsync(Sandbox sandbox)
    {
        var all = new JsonObject();
        foreach (var service in new[] { "erp", "wms", "courier", "sms", "mail", "supplier", "shop" })
            all[service] = await sandbox.Http.GetFromJsonAsync<JsonArray>($"/sandbox/{service}/ledger");
        return all;
    }

    private static async Task<int> ReservedAsync(Sandbox sandbox, string sku)
    {
        var balance = await sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/erp/odata/AccumulationRegister_StockBalance");
        return balance!["value"]!.AsArray().Single(i => i!["Sku"]!.GetValue<string>() == sku)!["Reserved"]!.GetValue<int>();
    }
}
