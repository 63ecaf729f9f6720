using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HyperCrm.Web.Tests.Integrations;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// Hostile input, table-driven, over every API endpoint, every inbound webhook and the staff forms: malformed and truncated
/// JSON, wrong types, huge and negative numbers, NUL and other control characters, broken UTF-8 and UTF-16, overlong
/// strings, deep nesting, 10 MB bodies, SQL and script payloads in every string field, wrong content types, bad paging,
/// missing, forged and revoked keys, other partners' ids. Every answer is a 4xx problem (or a correct 2xx), never a 5xx,
/// never a stack trace; a refused write leaves the tables it would have touched as they were.
/// </summary>
public sealed partial class HostileInputTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    private const string Placeholder = "\"__HOSTILE__\"";

    /// <summary>What a string field may be given instead of its value (raw JSON).</summary>
    private static readonly (string Name, string Json)[] StringAttacks =
    [
        ("nul", "\"a\\u0000b\""),
        ("control", "\"a\\u0001b\\u001b[31m\""),
        ("lone surrogate", "\"\\ud800x\""),
        ("overlong", "\"" + new string('x', 100_000) + "\""),
        ("sql", "\"'; DROP TABLE sales.orders; --\""),
        ("script", "\"<script>alert(1)</script><img src=x onerror=alert(2)>\""),
        ("empty", "\"\""),
        ("blank", "\"   \""),
        ("number", "12345"),
        ("boolean", "true"),
        ("object", "{\"$ne\":null}"),
        ("array", "[\"a\",\"b\"]"),
        ("null", "null"),
    ];

    /// <summary>What a number field may be given instead.</summary>
    private static readonly (string Name, string Json)[] NumberAttacks =
    [
        ("negative", "-1"), ("zero", "0"), ("huge", "1e308"), ("huge negative", "-1e308"),
        ("too many digits", "99999999999999999999999999999999"), ("fraction", "0.0000000001"), ("string", "\"abc\""),
        ("null", "null"), ("object", "{}"),
    ];

    /// <summary>The whole body, whatever the endpoint.</summary>
    private static IEnumerable<(string Name, Func<string, HttpContent> Body)> BodyAttacks() =>
    [
        ("empty body", _ => Json(string.Empty)),
        ("json null", _ => Json("null")),
        ("json array", _ => Json("[]")),
        ("json number", _ => Json("42")),
        ("truncated", valid => Json(valid[..(valid.Length / 2)])),
        ("one brace", _ => Json("{")),
        ("trailing garbage", valid => Json(valid + "}{")),
        ("not json", _ => Json("not json at all")),
        ("invalid utf-8", _ => Bytes([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d], "application/json")),
        ("deep nesting", _ => Json(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000))),
        ("ten megabytes", _ => Json("{\"a\":\"" + new string('x', 10 * 1024 * 1024) + "\"}")),
        ("text/plain", valid => new StringContent(valid, Encoding.UTF8, "text/plain")),
        ("xml", _ => new StringContent("<order><id>1</id></order>", Encoding.UTF8, "application/xml")),
        ("form", valid => new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = valid })),
        ("no content type", valid => Bytes(Encoding.UTF8.GetBytes(valid), null)),
        ("duplicate keys", valid => Json("{\"currency\":\"RUB\",\"currency\":\"EUR\"," + valid.TrimStart('{'))),
    ];

    [Fact]
    public async Task Every_Api_Endpoint_Should_Refuse_Hostile_Bodies_With_A_Problem_And_Write_Nothing()
    {
        var key = await app.CreatePartnerKeyAsync("hostile");
        using var client = app.Http(key);
        var customerId = await CreateAsync(client, "/api/v1/customers", new { name = "Hostile Target", email = "target@hostile.test" });
        var dealId = await CreateAsync(client, "/api/v1/deals", new { title = "Hostile deal", amount = 100m, currency = "RUB" });
        var orderId = await CreateAsync(client, "/api/v1/orders", Order("hostile-target"));
        var endpoints = new (HttpMethod Method, string Path, object Body, string Effect)[]
        {
            (HttpMethod.Post, "/api/v1/orders", Order("hostile-{case}"), "SELECT count(*)::text FROM sales.orders"),
            (HttpMethod.Post, "/api/v1/customers", new { name = "Hostile {case}", email = "c{case}@hostile.test", phone = "+79160000000",
                notes = "n" }, Snapshot("customers.partner_views")),
            (HttpMethod.Patch, $"/api/v1/customers/{customerId}", new { name = "Renamed {case}", email = "r{case}@hostile.test" },
                Snapshot("customers.partner_views")),
            (HttpMethod.Post, "/api/v1/deals", new { title = "Deal {case}", amount = 10m, currency = "RUB", probability = 50 },
                Snapshot("sales.deals")),
            (HttpMethod.Patch, $"/api/v1/deals/{dealId}", new { title = "Deal {case}", amount = 20m, probability = 10 },
                Snapshot("sales.deals")),
            (HttpMethod.Post, $"/api/v1/orders/{orderId}/cancel", new { reason = "changed my mind {case}" },
                "SELECT count(*)::text FROM sales.orders WHERE status::text ILIKE 'cancel%'"),
            (HttpMethod.Post, "/api/v1/webhooks/subscriptions", new { url = "https://hooks.example.com/{case}",
                events = new[] { "order.status_changed" } }, Snapshot("integrations.webhook_subscriptions")),
        };
        var results = new List<Outcome>();
        var number = 0;
        foreach (var (method, path, body, effect) in endpoints)
        {
            foreach (var (name, content) in Cases(body, () => (++number).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                results.Add(await SendAsync($"{method} {path}: {name}", effect, () =>
                    client.SendAsync(new HttpRequestMessage(method, path) { Content = content(), Headers = { ExpectContinue = true } })));
            }
        }

        Report(results, minimumCases: 300);
    }

    [Fact]
    public async Task Every_Inbound_Webhook_Should_Refuse_Hostile_Bodies_With_A_Problem_And_Write_Nothing()
    {
        using var http = app.Http();
        var hooks = new (string Path, string Secret, object Body, string Effect)[]
        {
            ("/hooks/shop/demo/orders", SandboxFixture.ShopSecret, new { type = "order.created", timestamp = DateTimeOffset.UtcNow,
                data = Order("hook-{case}") }, "SELECT count(*)::text FROM sales.orders"),
            ("/hooks/courier/sandbox", SandboxFixture.CourierSecret, new { type = "shipment.delivered", data = new
                { trackingNumber = "TRK-{case}", status = "delivered" } }, "SELECT count(*)::text FROM sales.orders WHERE status::text " +
                "ILIKE 'deliver%'"),
            ("/hooks/events/crm-events", SandboxFixture.EventsSecret,
                new { type = "invoice.paid", data = new { amount = 10, id = "{case}" } },
                "SELECT count(*)::text FROM integrations.inbound_webhooks WHERE channel = 'events' AND state = 'Processed'"),
        };
        var results = new List<Outcome>();
        var number = 0;
        foreach (var (path, secret, body, effect) in hooks)
        {
            foreach (var (name, content) in Cases(body, () => (++number).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                results.Add(await SendAsync($"POST {path}: {name}", effect, async () =>
                {
                    var built = content();
                    var raw = await built.ReadAsByteArrayAsync();
                    var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = built, Headers = { ExpectContinue = true } };
                    Sign(request, secret, raw);
                    return await http.SendAsync(request);
                }, writesRejections: true));
            }
        }
        // Signatures: missing, forged, stale, from another channel, an overlong id, a header with a control character.
        var valid = JsonSerializer.Serialize(new { type = "order.created", data = Order("unsigned") });
        foreach (var (name, sign) in SignatureAttacks())
        {
            results.Add(await SendAsync($"POST /hooks/shop/demo/orders: {name}", "SELECT count(*)::text FROM sales.orders", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/shop/demo/orders") { Content = Json(valid) };
                sign(request, Encoding.UTF8.GetBytes(valid));
                return http.SendAsync(request);
            }));
        }

        Report(results, minimumCases: 150);
    }

    [Fact]
    public async Task Queries_Ids_And_Keys_Should_Be_Refused_With_A_Problem()
    {
        var key = await app.CreatePartnerKeyAsync("hostile-reader");
        var otherKey = await app.CreatePartnerKeyAsync("hostile-other");
        using var client = app.Http(key);
        using var other = app.Http(otherKey);
        var theirs = await CreateAsync(other, "/api/v1/customers", new { name = "Not yours", email = "not.yours@hostile.test" });
        var theirOrder = await CreateAsync(other, "/api/v1/orders", Order("not-yours"));
        var theirDeal = await CreateAsync(other, "/api/v1/deals", new { title = "Not yours", amount = 1m, currency = "RUB" });
        var lists = new[] { "/api/v1/orders", "/api/v1/customers", "/api/v1/deals", "/api/v1/products", "/api/v1/webhooks/deliveries",
            "/api/v1/webhooks/subscriptions" };
        var queries = new[]
        {
            "limit=-5", "limit=0", "limit=201", "limit=abc", "limit=1e3", "limit=99999999999", "limit=1&limit=2", "limit=%00",
            "cursor=%00", "cursor='%3B%20DROP%20TABLE%20sales.orders%3B--", "cursor=" + new string('A', 5000), "cursor=bm90LWEtY3Vyc29y",
            "filter=%00", "filter=%25%25%25_%5C", "filter=" + new string('x', 10_000), "filter=<script>alert(1)</script>",
            "status=%27%20OR%201%3D1", "status=SHIPPED%00", "externalId=%00", "externalId=" + new string('e', 5000),
            "subscriptionId=not-a-guid", "state=%E2%80%AE",
        };
        var results = new List<Outcome>();
        foreach (var list in lists)
        {
            foreach (var query in queries)
                results.Add(await SendAsync($"GET {list}?{query}", null, () => client.GetAsync($"{list}?{query}")));
        }
        var ids = new[] { "%00", "00000000-0000-0000-0000-000000000000", "not-a-guid", "1%20OR%201=1", "..%2F..%2Fetc%2Fpasswd",
            new string('1', 3000), theirs.ToString(), theirOrder.ToString(), theirDeal.ToString() };
        foreach (var id in ids)
        {
            foreach (var path in new[]
                { "/api/v1/customers/{0}", "/api/v1/orders/{0}", "/api/v1/orders/{0}/timeline", "/api/v1/deals/{0}" })
            {
                var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, id);
                results.Add(await SendAsync($"GET {url[..Math.Min(url.Length, 80)]}", null, () => client.GetAsync(url), notFound: true));
            }
            results.Add(await SendAsync($"POST cancel of {id[..Math.Min(id.Length, 40)]}",
                "SELECT count(*)::text FROM sales.orders WHERE status::text ILIKE 'cancel%'", () => client.PostAsync(
                    $"/api/v1/orders/{id}/cancel", Json("{\"reason\":\"x\"}")), notFound: true));
            results.Add(await SendAsync($"PATCH customer {id[..Math.Min(id.Length, 40)]}", Snapshot("customers.partner_views"), () =>
                client.PatchAsync($"/api/v1/customers/{id}", Json("{\"name\":\"Taken over\"}")), notFound: true));
            results.Add(await SendAsync($"DELETE subscription {id[..Math.Min(id.Length, 40)]}",
                Snapshot("integrations.webhook_subscriptions"), () => client.DeleteAsync($"/api/v1/webhooks/subscriptions/{id}"),
                notFound: true));
        }
        var keys = new (string Name, Action<HttpRequestHeaders> Set)[]
        {
            ("no key", _ => { }),
            ("empty bearer", h => h.TryAddWithoutValidation("Authorization", "Bearer ")),
            ("forged key", h => h.TryAddWithoutValidation("Authorization", "Bearer hc_" + new string('f', 40))),
            ("overlong key", h => h.TryAddWithoutValidation("Authorization", "Bearer " + new string('k', 20_000))),
            ("sql key", h => h.TryAddWithoutValidation("Authorization", "Bearer ' OR '1'='1")),
            ("basic auth", h => h.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String("admin:admin"u8.ToArray()))),
            ("staff cookie name", h => h.TryAddWithoutValidation("Cookie", "__Host-HyperCrm=forged")),
            ("control character", h => h.TryAddWithoutValidation("Authorization", "Bearer \u0001abc")),
            ("percent-encoded key", h => h.TryAddWithoutValidation("Authorization", "Bearer %D0%BA%00")),
        };
        using var anonymous = app.Http();
        foreach (var (name, set) in keys)
        {
            foreach (var path in new[] { "/api/v1/orders", "/api/v1/customers", "/api/v1/partners/me" })
            {
                results.Add(await SendAsync($"GET {path} with {name}", null, () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, path);
                    set(request.Headers);
                    return anonymous.SendAsync(request);
                }, unauthorized: true));
            }
        }
        var headers = new (string Name, string Header, string Value)[]
        {
            ("overlong idempotency key", "Idempotency-Key", new string('i', 300)),
            ("idempotency key with control", "Idempotency-Key", "a\u0001b"),
            ("garbage language", "Accept-Language", "xx-!!;q=abc,*;q=-1,../../etc"),
            ("forwarded for garbage", "X-Forwarded-For", "999.999.999.999, <script>"),
            ("host header", "X-Forwarded-Host", "evil.example.com\\@x"),
        };
        foreach (var (name, header, value) in headers)
        {
            results.Add(await SendAsync($"POST /api/v1/customers with {name}", null, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers")
                {
                    Content = Json(JsonSerializer.Serialize(new { name = "Header " + name, email = $"h{name.Length}@hostile.test" })),
                };
                request.Headers.TryAddWithoutValidation(header, value);
                return client.SendAsync(request);
            }));
        }

        Report(results, minimumCases: 200);
        // Another partner's records are never found, whatever the path.
        results.Where(r => r.Name.Contains(theirs.ToString(), StringComparison.Ordinal) || r.Name.Contains(theirOrder.ToString(),
            StringComparison.Ordinal)).ShouldAllBe(r => r.Status == 404 || r.Status == 400);
    }

    [Fact]
    public async Task Staff_Forms_Should_Refuse_Hostile_Text_With_A_Friendly_Page()
    {
        var staff = await app.SignInAsync();
        var pages = new List<string> { "/Customers/Edit", "/Deals", "/Work", "/Identity/Partners", "/Identity/Users",
            "/Settings/Integrations/Edit?name=erp", "/Settings/Integrations/Webhooks" };
        // One of each record page with forms on it: a rule's editor, a customer, an order.
        await app.PlaceOrderAsync("hostile-forms-1", "forms@hostile.test", "Forms Buyer");
        foreach (var (index, link) in new[] { ("/Settings/Automation", "Settings/Automation/Edit"), ("/Customers", "Customers/Details"),
            ("/Orders", "Orders/Details") })
        {
            var found = Regex.Match(await staff.GetStringAsync(index), $"href=\"(/{link}\\?id=[0-9a-f-]+)\"");
            found.Success.ShouldBeTrue(index);
            pages.Add(found.Groups[1].Value);
        }
        var attacks = new (string Name, string Value)[]
        {
            ("nul", "a\0b"), ("control", "a\u0007b"), ("overlong", new string('x', 20_000)), ("script", "<script>alert(1)</script>"),
            ("sql", "'; DROP TABLE customers.customers; --"), ("right-to-left", "\u202egnp.exe"),
        };
        var results = new List<Outcome>();
        foreach (var page in pages)
        {
            var response = await staff.GetAsync(page);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var form in FormRegex().Matches(html).Select(m => m.Value))
            {
                var action = ActionRegex().Match(form) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : page;
                if (action.Contains("Logout", StringComparison.OrdinalIgnoreCase) || action.Contains("culture",
                    StringComparison.OrdinalIgnoreCase)) continue;
                var fields = Fields(form);
                var texts = fields.Where(f => f.Text).Select(f => f.Name).Distinct().ToList();
                foreach (var text in texts)
                {
                    foreach (var (name, value) in attacks)
                    {
                        results.Add(await SendAsync($"{action} {text}: {name}", null, () => staff.PostAsync(action,
                            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name,
                                f.Name == text ? value : f.Value)))), page: true));
                    }
                }
            }
        }

        Report(results, minimumCases: 100);
        results.Where(r => r.Name.EndsWith(": nul", StringComparison.Ordinal)).ShouldAllBe(r => r.Status == 400);
    }

    [Fact]
    public async Task A_Nul_Or_A_Bad_Limit_Should_Be_A_400_Naming_The_Field()
    {
        using var client = app.Http(await app.CreatePartnerKeyAsync("hostile-named"));
        var node = JsonSerializer.SerializeToNode(Order("nul-1"))!;
        node["customer"]!["name"] = "__HOSTILE__";
        var body = node.ToJsonString().Replace(Placeholder, "\"a\\u0000b\"", StringComparison.Ordinal);
        body.ShouldContain("\\u0000");

        var nul = await client.PostAsync("/api/v1/orders", Json(body));
        var hook = await app.Http().SendAsync(SandboxFixture.Signed("/hooks/shop/demo/orders",
            $"{{\"type\":\"order.created\",\"data\":{body}}}", SandboxFixture.ShopSecret));
        var limit = await client.GetAsync("/api/v1/orders?limit=-5");

        nul.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await nul.Content.ReadFromJsonAsync<JsonObject>())!;
        problem["code"]!.GetValue<string>().ShouldBe("Common:UnsafeText");
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["customer.name"]);
        hook.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await hook.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["data.customer.name"]);
        limit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await limit.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["limit"]);
        (await QueryAsync("SELECT count(*) FROM sales.orders WHERE external_id = 'nul-1'")).ShouldBe("0");
    }

    private sealed record Outcome(string Name, int Status, string? Failure);

    private static IEnumerable<(string Name, Func<HttpContent> Content)> Cases(object body, Func<string> next)
    {
        string Valid(string id) => JsonSerializer.Serialize(body).Replace("{case}", id, StringComparison.Ordinal);
        foreach (var (name, attack) in BodyAttacks())
            yield return (name, () => attack(Valid(next())));
        foreach (var (path, kind) in Leaves(JsonSerializer.SerializeToNode(body)!, string.Empty))
        {
            var attacks = kind switch
            {
                JsonValueKind.String => StringAttacks,
                JsonValueKind.Number => NumberAttacks,
                _ => [("null", "null"), ("string", "\"x\""), ("number", "1"), ("empty array", "[]"), ("empty object", "{}")],
            };
            foreach (var (name, json) in attacks)
            {
                yield return ($"{path} = {name}", () =>
                {
                    var node = JsonNode.Parse(Valid(next()))!;
                    Set(node, path);
                    return Json(node.ToJsonString().Replace(Placeholder, json, StringComparison.Ordinal));
                });
            }
        }
    }

    /// <summary>Every value's path ("customer.email", "lines[0].quantity"), objects and arrays included.</summary>
    private static IEnumerable<(string Path, JsonValueKind Kind)> Leaves(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                    if (child is null) continue;
                    if (child is JsonObject or JsonArray) yield return (path, JsonValueKind.Object);
                    foreach (var leaf in Leaves(child, path)) yield return leaf;
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var leaf in Leaves(array[i]!, $"{prefix}[{i}]")) yield return leaf;
                }
                break;
            case JsonValue value:
                yield return (prefix, value.GetValueKind());
                break;
        }
    }

    private static void Set(JsonNode root, string path)
    {
        var parts = PathRegex().Matches(path).Select(m => m.Value).ToList();
        var node = root;
        for (var i = 0; i < parts.Count - 1; i++) node = Step(node, parts[i]);
        var last = parts[^1];
        if (last.StartsWith('[')) node.AsArray()[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = "__HOSTILE__";
        else node.AsObject()[last] = "__HOSTILE__";
    }

    private static JsonNode Step(JsonNode node, string part) => part.StartsWith('[')
        ? node.AsArray()[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]!
        : node.AsObject()[part]!;

    private async Task<Outcome> SendAsync(string name, string? effect, Func<Task<HttpResponseMessage>> send, bool writesRejections = false,
        bool notFound = false, bool unauthorized = false, bool page = false)
    {
        if (name.Length > 120) name = name[..120] + "…";
        var before = effect is null ? null : await QueryAsync(effect);
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(name, 0, "no answer: " + ex.Message);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            string? failure = null;
            if (status >= 500) failure = $"{status}: {(page ? string.Empty : text[..Math.Min(text.Length, 300)])}";
            else if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Npgsql", StringComparison.Ordinal)
                     || text.Contains("StackTrace", StringComparison.Ordinal))
                failure = "leaks internals: " + text[..Math.Min(text.Length, 300)];
            // Kestrel itself refuses some requests before the app sees them (a NUL in the path, a 10,000-character URL): an
            // empty 400 or 414 that no endpoint could have answered otherwise.
            else if (status is 400 or 414 or 431 && text.Length == 0 && response.Content.Headers.ContentType is null)
                failure = null;
            else if (status >= 400 && !page && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failure = $"{status} without a problem body ({response.Content.Headers.ContentType?.MediaType})";
            else if (notFound && status is 200 or 201 or 204)
                failure = $"{status}: found what is not the caller's";
            else if (unauthorized && status != 401)
                failure = $"{status} instead of 401";
            else if (status >= 400 && effect is not null && !writesRejections && await QueryAsync(effect) != before)
                failure = $"{status} but the data changed";
            else if (status >= 400 && effect is not null && writesRejections && status != 409 && await QueryAsync(effect) != before)
                failure = $"{status} but the effect happened";
            return new Outcome(name, status, failure);
        }
    }

    private static void Report(List<Outcome> results, int minimumCases)
    {
        var failures = results.Where(r => r.Failure is not null).Select(r => $"{r.Name} → {r.Failure}").ToList();
        failures.ShouldBeEmpty($"{failures.Count} of {results.Count} cases failed:\n" + string.Join('\n', failures.Take(40)));
        results.Count.ShouldBeGreaterThanOrEqualTo(minimumCases);
        results.ShouldContain(r => r.Status >= 400 && r.Status < 500);
    }

    private async Task<string?> QueryAsync(string sql) => (await app.ScalarAsync(sql))?.ToString();

    private static string Snapshot(string table) =>
        $"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {table} t";

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsync(path, Json(JsonSerializer.Serialize(body)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static object Order(string externalId) => new
    {
        externalId, currency = "RUB", customer = new { email = "buyer@hostile.test", phone = "+79161234567", name = "Анна" },
        shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1", postalCode = "125009" },
        paymentMethod = "card", lines = new[] { new { sku = "SKU-001", quantity = 1, unitPrice = 1490.00m } },
    };

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null) content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    private static IEnumerable<(string Name, Action<HttpRequestMessage, byte[]> Sign)> SignatureAttacks() =>
    [
        ("no signature", (_, _) => { }),
        ("forged signature", (r, b) => Sign(r, "whsec_" + Convert.ToBase64String(new byte[32]), b)),
        ("stale signature", (r, b) => Sign(r, SandboxFixture.ShopSecret, b, DateTimeOffset.UtcNow.AddHours(-1))),
        ("future signature", (r, b) => Sign(r, SandboxFixture.ShopSecret, b, DateTimeOffset.UtcNow.AddHours(1))),
        ("courier's secret", (r, b) => Sign(r, SandboxFixture.CourierSecret, b)),
        ("overlong id", (r, b) => Sign(r, SandboxFixture.ShopSecret, b, id: new string('m', 5000))),
        ("garbage timestamp", (r, _) =>
        {
            r.Headers.TryAddWithoutValidation("webhook-id", "msg_garbage");
            r.Headers.TryAddWithoutValidation("webhook-timestamp", "yesterday");
            r.Headers.TryAddWithoutValidation("webhook-signature", "v1,AAAA");
        }),
        ("signature of another body", (r, _) => Sign(r, SandboxFixture.ShopSecret, "{}"u8.ToArray())),
    ];

    /// <summary>Standard Webhooks: HMAC-SHA256 over id.timestamp.body with the secret's key.</summary>
    private static void Sign(HttpRequestMessage request, string secret, byte[] body, DateTimeOffset? at = null, string? id = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("webhook-signature",
            "v1," + Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(key, signed)));
    }

    private sealed record Field(string Name, string Value, bool Text);

    private static List<Field> Fields(string form)
    {
        var fields = new List<Field>();
        foreach (Match input in InputRegex().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null) continue;
            var type = Attribute(tag, "type") ?? "text";
            if (type is "checkbox" or "radio" && !tag.Contains("checked", StringComparison.Ordinal)) continue;
            if (type is "submit" or "button" or "file") continue;
            fields.Add(new Field(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? string.Empty), type is "text" or "email" or "search"
                or "tel" or "url" or "password" or "number" or "datetime-local" or "date"));
        }
        foreach (Match area in TextAreaRegex().Matches(form))
            fields.Add(new Field(WebUtility.HtmlDecode(area.Groups[1].Value), WebUtility.HtmlDecode(area.Groups[2].Value), true));
        foreach (Match select in SelectRegex().Matches(form))
        {
            var option = OptionRegex().Match(select.Groups[2].Value);
            var chosen = option.Success ? WebUtility.HtmlDecode(option.Groups[1].Value) : string.Empty;
            fields.Add(new Field(WebUtility.HtmlDecode(select.Groups[1].Value), chosen, false));
        }
        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<form[^>]*\\saction=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ActionRegex();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaRegex();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionRegex();

    [GeneratedRegex("[^.\\[]+|\\[\\d+\\]")]
    private static partial Regex PathRegex();
}
