using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>What the system writes is stored as a key and arguments, and worded for whoever reads it (ADR 0015).</summary>
public sealed class MessageTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public void A_Message_Reads_In_The_Readers_Language_With_Its_Numbers_And_Words()
    {
        var words = app.Services.GetRequiredService<MessageFormatter>();
        var placed = Message.Of("Sales:Timeline:OrderPlaced", ("number", 1001L), ("total", 12345.5m), ("currency", "RUB"));
        var moved = Message.Of("Sales:Timeline:OrderStatusChanged", ("number", 1001L), ("from", OrderStatus.Reserved),
            ("to", OrderStatus.Shipped));
        var updated = Message.Of("Customers:Timeline:Updated", ("fields", "name,tags"));

        InCulture.Read("en", () => words.Format(placed)).ShouldBe("Order #1001 placed: 12,345.50 RUB");
        InCulture.Read("ru", () => words.Format(placed)).ShouldBe("Заказ №1001 оформлен: 12\u00a0345,50 RUB");
        InCulture.Read("en", () => words.Format(moved)).ShouldBe("Order #1001: reserved → shipped");
        InCulture.Read("ru", () => words.Format(moved)).ShouldBe("Заказ №1001: зарезервирован → отгружен");
        InCulture.Read("ru", () => words.Format(updated)).ShouldBe("Клиент изменён: имя, теги");
    }

    [Fact]
    public void Stored_Sentences_And_Unknown_Keys_Stay_Readable()
    {
        var words = app.Services.GetRequiredService<MessageFormatter>();

        InCulture.Read("ru", () => words.Format(Message.Verbatim("Order #7 placed: 10.00 RUB"))).ShouldBe("Order #7 placed: 10.00 RUB");
        InCulture.Read("ru", () => words.Format(Message.Of("Sales:Timeline:NoSuchText", ("number", 7))))
            .ShouldBe("Sales:Timeline:NoSuchText (number: 7)");
        InCulture.Read("en", () => words.Format(Message.Of("NoSuchResource:Text"))).ShouldBe("NoSuchResource:Text");
        Message.FromJson(Message.Of("Sales:Step:Tracking", ("tracking", "TRK-1")).ToJson())
            .ShouldBe(Message.Of("Sales:Step:Tracking", ("tracking", "TRK-1")));
    }

    [Fact]
    public async Task A_Partner_Reads_An_Orders_Steps_In_Its_Accept_Language_And_English_By_Default()
    {
        var order = await app.PlaceOrderAsync("message-lang-1", "message.lang@example.com", "Лев");
        var id = order.GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
            await OrderTestMoves.ShipAsync(scope.ServiceProvider, id);
        var tracking = "TRK-TEST-" + id.ToString("N")[..8];

        // The playbook scores the order on its own time: both readings come after it, so both list the same steps.
        var english = await Eventually.WaitForAsync(() => StepsAsync(id, null),
            steps => steps.EnumerateArray().Any(s => s.GetProperty("what").GetString() == "risk.scored"), TimeSpan.FromSeconds(60));
        var russian = await StepsAsync(id, "ru");

        Reason(english, "status.shipped").ShouldBe("tracking number " + tracking);
        Reason(russian, "status.shipped").ShouldBe("трек-номер " + tracking);
        russian.EnumerateArray().Select(s => s.GetProperty("what").GetString())
            .ShouldBe(english.EnumerateArray().Select(s => s.GetProperty("what").GetString()), "keys never change with the language");
    }

    private async Task<JsonElement> StepsAsync(Guid orderId, string? language)
    {
        using var client = app.CreatePartnerClient();
        if (language is not null) client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{orderId}/timeline");
    }

    private static string? Reason(JsonElement steps, string what) =>
        steps.EnumerateArray().Single(s => s.GetProperty("what").GetString() == what).GetProperty("reason").GetString();
}
