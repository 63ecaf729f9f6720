using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Customers;

public sealed class CustomerApiTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Partner_Should_Create_Read_And_Patch_Its_Customer()
    {
        var client = app.CreatePartnerClient();

        var created = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Анна Петрова", email = "anna@api.test", phone = "+7 916 123-45-67", kind = "person",
            address = new { country = "ru", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
            marketingConsent = true,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/customers/{id}");
        body.GetProperty("phone").GetString().ShouldBe("+79161234567");
        body.GetProperty("kind").GetString().ShouldBe("person");
        body.GetProperty("address").GetProperty("country").GetString().ShouldBe("RU");
        body.GetProperty("marketingConsent").GetBoolean().ShouldBeTrue();
        // Staff fields are not in a partner's view at all.
        body.TryGetProperty("tags", out _).ShouldBeFalse();
        body.TryGetProperty("ownerId", out _).ShouldBeFalse();
        body.TryGetProperty("otherContacts", out _).ShouldBeFalse();

        var fetched = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        fetched.GetProperty("name").GetString().ShouldBe("Анна Петрова");

        var patched = await client.PatchAsJsonAsync($"/api/v1/customers/{id}", new { notes = "Calls after 18:00" });
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await patched.Content.ReadFromJsonAsync<JsonElement>();
        after.GetProperty("notes").GetString().ShouldBe("Calls after 18:00");
        after.GetProperty("email").GetString().ShouldBe("anna@api.test");
    }

    [Fact]
    public async Task Another_Partner_Should_Get_404_For_Customers_It_Does_Not_Own()
    {
        var owner = app.CreatePartnerClient();
        var id = (await (await owner.PostAsJsonAsync("/api/v1/customers", new { name = "Private Person", email = "private@api.test" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("other-shop", ApiScopes.CustomersRead,
            ApiScopes.CustomersWrite));

        var read = await other.GetAsync($"/api/v1/customers/{id}");
        var write = await other.PatchAsJsonAsync($"/api/v1/customers/{id}", new { name = "Hijacked" });
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/customers?filter=Private");

        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        read.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}")).GetProperty("name").GetString().ShouldBe("Private Person");
    }

    [Fact]
    public async Task The_List_Should_Page_With_A_Cursor_Without_Gaps_Or_Repeats()
    {
        var client = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("paging-shop", ApiScopes.CustomersRead,
            ApiScopes.CustomersWrite));
        for (var i = 0; i < 5; i++) (await client.PostAsJsonAsync("/api/v1/customers", new { name = $"Paged {i}",
            email = $"paged{i}@api.test" })).EnsureSuccessStatusCode();

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page =
                await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(["Paged 0", "Paged 1", "Paged 2", "Paged 3", "Paged 4"]);
        (await client.GetAsync("/api/v1/customers?cursor=garbage!")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"name\": \"\"}", HttpStatusCode.BadRequest, "name")]
    [InlineData("{\"email\": \"no-name@api.test\"}", HttpStatusCode.BadRequest, "name")]
    [InlineData("{\"name\": \"X\", \"email\": \"not-an-email\"}", HttpStatusCode.BadRequest, "email")]
    [InlineData("{\"name\": \"X\", \"phone\": \"12\"}", HttpStatusCode.UnprocessableEntity, "Customers:InvalidPhone")]
    [InlineData("{\"name\": \"X\", \"otherContacts\": [{\"kind\": \"phone\", \"value\": \"12\"}]}", HttpStatusCode.UnprocessableEntity,
        "otherContacts")]
    [InlineData("{\"name\": \"X\", \"tags\": [\"vip\"]}", HttpStatusCode.UnprocessableEntity, "tags")]
    [InlineData("{\"name\": \"X\", \"ownerId\": \"0195f3c0-0000-7000-8000-000000000001\"}", HttpStatusCode.UnprocessableEntity, "ownerId")]
    [InlineData("{\"name\": \"X\", \"marketingConsent\": true, \"consentSource\": \"forged\"}", HttpStatusCode.UnprocessableEntity,
        "consentSource")]
    [InlineData("{\"name\": \"X\", \"companyId\": \"0195f3c0-0000-7000-8000-000000000002\"}", HttpStatusCode.UnprocessableEntity,
        "companyId")]
    [InlineData("{\"name\": \"X\", \"kind\": \"robot\"}", HttpStatusCode.BadRequest, "Common:MalformedJson")]
    [InlineData("{\"name\": 42}", HttpStatusCode.BadRequest, "Common:MalformedJson")]
    [InlineData("{\"name\": \"X\",", HttpStatusCode.BadRequest, "Common:MalformedJson")]
    public async Task Bad_Input_Should_Be_A_Clear_4xx_Problem_And_Write_Nothing(string json, HttpStatusCode status, string mentioned)
    {
        var client = app.CreatePartnerClient();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?limit=200")).GetProperty("items").GetArrayLength();

        var response = await client.PostAsync("/api/v1/customers", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain(mentioned);
        text.ShouldNotContain("   at ");
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/customers?limit=200")).GetProperty("items").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task A_Partner_Knowing_Only_An_Email_Should_See_Only_What_It_Sent_And_Change_Only_Its_Own_View()
    {
        var owner = app.CreatePartnerClient();
        var id = (await (await owner.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Secret Person", email = "secret@iso.api.test", phone = "+7 916 555-44-33", notes = "owner partner's note",
            address = new { country = "RU", city = "Казань", line1 = "ул. Баумана, 1", postalCode = "420111" },
        })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<HyperCrm.Customers.Customers.ICustomerAppService>()
                .UpdateAsync(id, new HyperCrm.Customers.Customers.UpdateCustomerDto { Notes = "staff: private remark", Tags = ["vip"] });

        // A second partner posts an order with that email and then reads the customer the order was matched to.
        var attacker = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("nosy-shop"));
        var order = await attacker.PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "nosy-1", currency = "RUB", customer = new { email = "secret@iso.api.test", name = "Guess" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
            lines = new[] { new { sku = "SKU-001", quantity = 1, unitPrice = 10m } },
        });
        order.StatusCode.ShouldBe(HttpStatusCode.Created, await order.Content.ReadAsStringAsync());
        var customerId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("customerId").GetGuid();
        customerId.ShouldBe(id);

        var seen = await attacker.GetStringAsync($"/api/v1/customers/{id}");
        seen.ShouldContain("Guess");
        foreach (var secret in new[] { "Secret Person", "+79165554433", "owner partner's note", "staff: private remark", "vip",
            "Казань" }) seen.ShouldNotContain(secret);
        var listed = await attacker.GetStringAsync("/api/v1/customers?filter=secret");
        listed.ShouldNotContain("Secret Person");

        (await attacker.PatchAsJsonAsync($"/api/v1/customers/{id}", new { notes = "overwritten",
            name = "Hijacked" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ownerView = await owner.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        ownerView.GetProperty("notes").GetString().ShouldBe("owner partner's note");
        ownerView.GetProperty("name").GetString().ShouldBe("Secret Person");

        // A conflict never names a customer the caller cannot see: a third partner's create with the email links, it does not leak.
        var third = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("third-shop"));
        var linked = await third.PostAsJsonAsync("/api/v1/customers", new { name = "Third's name", email = "secret@iso.api.test" });
        linked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await linked.Content.ReadAsStringAsync()).ShouldNotContain("Secret Person");
    }

    [Fact]
    public async Task A_Wrong_Content_Type_Should_Be_415_Problem()
    {
        var response = await app.CreatePartnerClient()
            .PostAsync("/api/v1/customers", new StringContent("name=X", Encoding.UTF8, "application/x-www-form-urlencoded"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_Duplicate_Email_Should_Be_409_Naming_The_Existing_Customer()
    {
        var client = app.CreatePartnerClient();
        var first = await (await client.PostAsJsonAsync("/api/v1/customers", new { name = "Dup",
            email = "dup@api.test" })).Content.ReadFromJsonAsync<JsonElement>();

        var second = await client.PostAsJsonAsync("/api/v1/customers", new { name = "Dup 2", email = "DUP@api.test" });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("existingCustomerId").GetGuid().ShouldBe(first.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_Stale_Concurrency_Stamp_Should_Be_409()
    {
        var client = app.CreatePartnerClient();
        var created = await (await client.PostAsJsonAsync("/api/v1/customers",
            new { name = "Stamp" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var stamp = created.GetProperty("concurrencyStamp").GetString();
        (await client.PatchAsJsonAsync($"/api/v1/customers/{id}", new { name = "Stamp 2",
            concurrencyStamp = stamp })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await client.PatchAsJsonAsync($"/api/v1/customers/{id}", new { name = "Stamp old", concurrencyStamp = stamp });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}")).GetProperty("name").GetString().ShouldBe("Stamp 2");
    }

    [Fact]
    public async Task A_Key_Without_The_Scope_Should_Be_403_Problem()
    {
        var client = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("orders-only-shop", ApiScopes.OrdersRead));

        var response = await client.GetAsync("/api/v1/customers");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Identity:ScopeMissing");
    }

    [Fact]
    public async Task Staff_Should_Find_A_Customer_By_Phone_And_See_The_Timeline()
    {
        var partner = app.CreatePartnerClient();
        var id = (await (await partner.PostAsJsonAsync("/api/v1/customers", new { name = "Борис Иванов", phone = "+7 999 888-77-66" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();

        var list = await staff.GetStringAsync("/Customers?filter=" + Uri.EscapeDataString("8 999 888 77 66"));
        var details = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Customers/Details?id={id}"));

        list.ShouldContain("Борис Иванов");
        details.ShouldContain("+79998887766");
        details.ShouldContain("Customer Борис Иванов created");
        details.ShouldContain(HyperCrmWebApplicationFactory.PartnerName);
        var csv = await staff.GetAsync("/Customers?handler=Export&filter=" + Uri.EscapeDataString("Борис"));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("Борис Иванов");
        await staff.GetAsync("/culture/ru?returnUrl=%2F");
        var russian = await (await staff.GetAsync("/Customers?handler=Export&filter=" + Uri.EscapeDataString("Борис")))
            .Content.ReadAsStringAsync();
        russian.TrimStart('\uFEFF').ShouldStartWith("id;kind;name;email;phone;company;tags;created (UTC)");
    }

}
