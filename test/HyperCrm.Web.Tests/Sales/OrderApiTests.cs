using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperCrm.Customers.Timeline;
using HyperCrm.Sales.Data;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Sales;

public sealed partial class OrderApiTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    private static object OrderBody(string externalId, string email = "anna@orders.test", int quantity = 2, string sku = "SKU-001") => new
    {
        externalId,
        currency = "RUB",
        customer = new { email, phone = "+79161234567", name = "Анна Петрова" },
        shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
        paymentMethod = "card",
        lines = new[] { new { sku, quantity, unitPrice = 1490.00m } },
    };

    [Fact]
    public async Task Posting_An_Order_Should_Create_It_Match_The_Customer_And_Show_Its_Steps()
    {
        var client = app.CreatePartnerClient();

        var response = await client.PostAsJsonAsync("/api/v1/orders", OrderBody("shop-10001"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = order.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/orders/{id}");
        order.GetProperty("status").GetString().ShouldBe("new");
        order.GetProperty("total").GetDecimal().ShouldBe(2980.00m);
        order.GetProperty("lines")[0].GetProperty("name").GetString().ShouldBe("Demo product 001");
        order.TryGetProperty("trackingNumber", out _).ShouldBeTrue();
        order.TryGetProperty("riskReasons", out _).ShouldBeTrue();

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}");
        fetched.GetProperty("customerId").GetGuid().ShouldBe(order.GetProperty("customerId").GetGuid());
        var steps = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}/timeline");
        steps[0].GetProperty("what").GetString().ShouldBe("order.created");
        steps[0].GetProperty("actor").GetString().ShouldBe("partner");
        steps[0].GetProperty("actorName").GetString().ShouldBe(HyperCrmWebApplicationFactory.PartnerName);

        var customerId = order.GetProperty("customerId").GetGuid();
        var customer = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        customer.GetProperty("email").GetString().ShouldBe("anna@orders.test");
        var timeline = await Eventually.WaitForAsync(() => CustomerTimelineAsync(customerId), t => t.Any(e => e.Kind == "order.created"));
        timeline.ShouldContain(e => e.Kind == "order.created" && e.Title.Contains("2,980.00", StringComparison.Ordinal));
        var staffPage = System.Net.WebUtility.HtmlDecode(await (await app.SignInAsync())
            .GetStringAsync($"/Customers/Details?id={customerId}"));
        staffPage.ShouldContain($"#{order.GetProperty("number").GetInt64()}");

        var staff = await app.SignInAsync();
        var noted = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work/Notes",
            new Dictionary<string, string> { ["kind"] = "Customer", ["id"] = customerId.ToString(),
                ["text"] = "Prefers delivery after 18:00", ["returnUrl"] = $"/Customers/Details?id={customerId}" },
            $"/Customers/Details?id={customerId}");
        noted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        noted.Headers.Location!.ToString().ShouldBe($"/Customers/Details?id={customerId}");
        (await Eventually.WaitForAsync(() => CustomerTimelineAsync(customerId), t => t.Any(e => e.Kind == "note.added")))
            .ShouldContain(e => e.Kind == "note.added" && e.Title == "Note: Prefers delivery after 18:00" && e.Actor == ActorKind.Human);
    }

    [Fact]
    public async Task The_Same_External_Id_Twice_Should_Be_409_Naming_The_Order()
    {
        var client = app.CreatePartnerClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-dup-1"))).Content.ReadFromJsonAsync<JsonElement>();

        var second = await client.PostAsJsonAsync("/api/v1/orders", OrderBody("shop-dup-1"));

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingOrderId").GetGuid().ShouldBe(first.GetProperty("id")
            .GetGuid());
        (await CountOrdersAsync("shop-dup-1")).ShouldBe(1);
    }

    [Fact]
    public async Task Idempotency_Key_Should_Replay_The_First_Answer_And_Refuse_Another_Body()
    {
        var client = app.CreatePartnerClient();
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(client, key, OrderBody("shop-idem-1"));
        var again = await PostWithKeyAsync(client, key, OrderBody("shop-idem-1"));
        var other = await PostWithKeyAsync(client, key, OrderBody("shop-idem-2"));

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Common:IdempotencyKeyReused");
        (await CountOrdersAsync("shop-idem-1")).ShouldBe(1);
        (await CountOrdersAsync("shop-idem-2")).ShouldBe(0);
    }

    [Fact]
    public async Task Concurrent_Requests_With_One_Key_Should_Create_One_Order()
    {
        var client = app.CreatePartnerClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostWithKeyAsync(client, key, OrderBody("shop-race-1"))));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        (await CountOrdersAsync("shop-race-1")).ShouldBe(1);
    }

    [Fact]
    public async Task Another_Partner_Should_Not_See_Or_Cancel_The_Order()
    {
        var id = (await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-private-1"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("rival-shop"));

        (await other.GetAsync($"/api/v1/orders/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetAsync($"/api/v1/orders/{id}/timeline")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/orders/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/orders?externalId=shop-private-1")).GetProperty("items").GetArrayLength()
            .ShouldBe(0);
        (await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>("/api/v1/orders?externalId=shop-private-1")).GetProperty("items")
            .GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_Should_Work_Before_Shipping_And_Be_409_After()
    {
        var client = app.CreatePartnerClient();
        var cancellable = (await (await client.PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-cancel-1"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var shipped = (await (await client.PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-cancel-2"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await OrderTestMoves.ShipAsync(app.Services, shipped);

        var ok = await client.PostAsJsonAsync($"/api/v1/orders/{cancellable}/cancel", new { reason = "customer asked" });
        var late = await client.PostAsJsonAsync($"/api/v1/orders/{shipped}/cancel", new { reason = "too late" });

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("cancelled");
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Sales:AlreadyShipped");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?status=cancelled&externalId=shop-cancel-1")).GetProperty("items")
            .GetArrayLength().ShouldBe(1);
    }

    [Theory]
    [InlineData("lines[0].quantity", "lines", "[{\"sku\": \"SKU-001\", \"quantity\": 0, \"unitPrice\": 10}]")]
    [InlineData("lines[0].unitPrice", "lines", "[{\"sku\": \"SKU-001\", \"quantity\": 1, \"unitPrice\": -5}]")]
    [InlineData("lines[0].sku", "lines", "[{\"sku\": \"\", \"quantity\": 1, \"unitPrice\": 5}]")]
    [InlineData("lines", "lines", "[]")]
    [InlineData("currency", "currency", "\"rub\"")]
    [InlineData("customer.name", "customer", "{\"name\": \"\", \"email\": \"x@y.test\"}")]
    [InlineData("customer.email", "customer", "{\"name\": \"X\", \"email\": \"not-an-email\"}")]
    [InlineData("shippingAddress.country", "shippingAddress", "{\"country\": \"Russia\", \"city\": \"Москва\", \"line1\": \"x\"}")]
    [InlineData("externalId", "externalId", "\"\"")]
    public async Task Invalid_Orders_Should_Be_400_Naming_The_Field_And_Write_Nothing(string field, string property, string value)
    {
        var externalId = "shop-bad-" + Guid.NewGuid().ToString("N")[..8];
        var body = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(OrderBody(externalId),
            JsonSerializerOptions.Web))!.AsObject();
        body[property] = System.Text.Json.Nodes.JsonNode.Parse(value);

        var response = await app.CreatePartnerClient().PostAsync("/api/v1/orders", new StringContent(body.ToJsonString(), Encoding.UTF8,
            "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(await response.Content.ReadAsStringAsync());
        (await CountOrdersAsync(externalId)).ShouldBe(0);
    }

    [Fact]
    public async Task Unknown_Skus_Should_Be_422_And_Create_No_Customer()
    {
        var response = await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", OrderBody("shop-sku-1",
            email: "nobody-new@orders.test", sku: "NOPE-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Sales:UnknownSku");
        (await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>("/api/v1/customers?filter=nobody-new")).GetProperty("items")
            .GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Products_Should_List_The_Demo_Catalog_With_Stock()
    {
        var partner = app.CreatePartnerClient();
        var list = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page =
                await partner.GetFromJsonAsync<JsonElement>($"/api/v1/products?limit=25{(cursor is null ? "" : "&cursor=" + cursor)}");
            list.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        list.Count.ShouldBe(60);
        list.Select(p => p.GetProperty("sku").GetString()).ShouldBe(list.Select(p => p.GetProperty("sku").GetString())
            .Order(StringComparer.Ordinal), "SKU order, no repeats");
        list.Select(p => p.GetProperty("sku").GetString()).Distinct().Count().ShouldBe(60);
        (await partner.GetAsync("/api/v1/products?cursor=not-a-cursor!")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var filtered = await partner.GetFromJsonAsync<JsonElement>("/api/v1/products?filter=sku-05&limit=200");
        filtered.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()).ShouldAllBe(s =>
            s!.StartsWith("SKU-05", StringComparison.Ordinal));
        list.ShouldContain(p => p.GetProperty("sku").GetString() == "SKU-050" && p.GetProperty("available").GetInt32() == 100);
        list.ShouldContain(p => p.GetProperty("sku").GetString() == "OOS-001" && p.GetProperty("available").GetInt32() == 0);
    }

    [Fact]
    public async Task Staff_Should_Be_Offered_Only_The_Moves_A_Person_May_Make_And_Asked_For_What_They_Need()
    {
        var id = (await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-staff-1"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();

        var list = await staff.GetStringAsync("/Orders?filter=shop-staff-1");
        var page = await staff.GetStringAsync($"/Orders/Details?id={id}");
        var noReason = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Orders/Details?id={id}",
            new Dictionary<string, string> { ["move"] = "Hold", ["reason"] = " " });
        var moved = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Orders/Details?id={id}",
            new Dictionary<string, string> { ["move"] = "Hold", ["reason"] = "checking payment" });
        var refused = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Orders/Details?id={id}",
            new Dictionary<string, string> { ["move"] = "Deliver" });

        list.ShouldContain("shop-staff-1");
        page.ShouldContain("data-move=\"Hold\"");
        page.ShouldContain("data-move=\"Cancel\"");
        page.ShouldNotContain("data-move=\"Ship\"");
        page.ShouldNotContain("data-move=\"Deliver\"");
        StepTime().IsMatch(page).ShouldBeTrue("step times show seconds, with the full moment on hover");
        WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()).ShouldContain("Say why (Put on hold)");
        moved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("An order cannot go from on hold to delivered.");
        var order = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}");
        order.GetProperty("status").GetString().ShouldBe("on_hold");
        var steps = await app.CreatePartnerClient().GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}/timeline");
        // The person's hold, whatever the playbook recorded beside it (the fraud-risk score).
        var hold = steps.EnumerateArray().Single(s => s.GetProperty("what").GetString() == "status.on_hold");
        hold.GetProperty("reason").GetString().ShouldBe("checking payment");
        hold.GetProperty("actor").GetString().ShouldBe("human");
        var onHold = await staff.GetStringAsync($"/Orders/Details?id={id}");
        onHold.ShouldContain("data-move=\"Release\"");
        onHold.ShouldNotContain("data-move=\"Hold\"");
    }

    [Fact]
    public async Task A_Refusal_Should_Read_In_The_Readers_Language_On_The_Page_And_In_The_Api()
    {
        var id = (await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders",
            OrderBody("shop-staff-ru"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await OrderTestMoves.ShipAsync(app.Services, id);
        var staff = await app.SignInAsync();
        await staff.GetAsync("/culture/ru?returnUrl=%2F");

        // After shipment a person's "cancel" is a return; cancelling the returned order is refused, in the reader's language.
        var returned = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Orders/Details?id={id}",
            new Dictionary<string, string> { ["move"] = "Cancel" });
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var refused = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Orders/Details?id={id}",
            new Dictionary<string, string> { ["move"] = "Cancel" });
        var partner = app.CreatePartnerClient();
        var request = new HttpRequestMessage(HttpMethod.Post,
            $"/api/v1/orders/{id}/cancel") { Content = JsonContent.Create(new { reason = "поздно" }) };
        request.Headers.AcceptLanguage.ParseAdd("ru");
        var api = await partner.SendAsync(request);

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()).ShouldContain("Заказ в статусе «возвращён» уже нельзя отменить.");
        api.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("Sales:AlreadyShipped");
        problem.GetProperty("detail").GetString().ShouldBe("Заказ в статусе «возвращён» уже нельзя отменить.");
    }

    [GeneratedRegex("<time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\" title=\"[^\"]+\">[^<]*\\d:\\d\\d:\\d\\d[^<]*</time>")]
    private static partial Regex StepTime();

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task<int> CountOrdersAsync(string externalId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalesDbContext>().Orders.CountAsync(o => o.ExternalId == externalId);
    }

    private async Task<IReadOnlyList<TimelineEntryDto>> CustomerTimelineAsync(Guid customerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICustomerTimelineAppService>().GetAsync(customerId);
    }

}
