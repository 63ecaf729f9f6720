using System.Net;
using System.Text.RegularExpressions;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Orders;
using HyperCrm.TestBase;
using HyperCrm.Web.Tests.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>A Russian installation with the sandbox: the whole order story runs, then every page is read in Russian.</summary>
public sealed class RussianSandboxFixture : SandboxFixture
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(base.ExtraSettings) { [InstallationCulture.ConfigurationKey] = "ru" };
}

/// <summary>Every page in Russian on a Russian installation: no English word that is not a known technical term.</summary>
public sealed class RussianLanguageTourTests(RussianSandboxFixture app) : IClassFixture<RussianSandboxFixture>
{
    [Fact]
    public Task Every_Page_Reads_In_Russian_For_A_Russian_Reader() => LanguageTour.WalkAsync(app, "ru", "Мария Тур");
}

/// <summary>Every page in English on an English installation: no Cyrillic leaks (the people's own data aside).</summary>
public sealed class EnglishLanguageTourTests(SandboxFixture app) : IClassFixture<SandboxFixture>
{
    [Fact]
    public Task Every_Page_Reads_In_English_For_An_English_Reader() => LanguageTour.WalkAsync(app, "en", "Maria Tour");
}

/// <summary>
/// Walks every page a staff admin can reach (following the links from the home page) after an order went the whole way
/// and a VIP order started its rule, and reads the words on them.
/// </summary>
internal static partial class LanguageTour
{
    /// <summary>Names and technical terms that are the same in both languages.</summary>
    private static readonly HashSet<string> TechnicalTerms = new(StringComparer.Ordinal)
    {
        // Names of things, abbreviations and the languages' own codes.
        "HyperCrm", "CRM", "ERP", "WMS", "SMS", "API", "CSV", "VIP", "vip", "RUB", "USD", "EUR", "SKU", "TOTP", "JSON", "URL", "ID",
        "UTC", "HTTP", "HTTPS", "REST", "OpenAPI", "Bearer", "Basic", "HMAC", "SHA", "Quartz", "cron", "BPM", "RPA", "AI", "MCP", "AUC",
        "Excel", "Standard", "Webhooks", "Google", "Microsoft", "Authenticator", "Aegis", "otpauth", "OK", "EN", "RU", "XES", "OCEL",
        // The rule language's own words: trigger keys, wire values and constants a rule is written with.
        "manual", "schedule", "card", "cash", "invoice", "sbp", "new", "reserved", "picking", "shipped", "delivered", "completed",
        "cancelled", "failed", "returned", "repeat", "low", "normal", "high", "urgent", "true", "false", "null", "GET", "POST", "PUT",
        "PATCH", "DELETE", "and", "or", "not", "contains",
        // A card payment's wire statuses, as rules compare them (steps.pay.status == 'declined').
        "pending", "authorized", "declined", "captured", "voided", "refunded", "none",
    };

    /// <summary>
    /// What is not the system's words: the other language's name in the language switch, the partner the tests name "demo",
    /// the Moscow addresses the orders ship to, and the sandbox 1C's document number prefixes (ЗК, РТУ, ВТК), which an English
    /// installation shows as 1C wrote them.
    /// </summary>
    private static readonly string[] NotSystemWords =
        ["English", "Русский", "demo", "Москва", "ул", "Тверская", "Арбат", "ЗК", "РТУ", "ВТК"];

    public static async Task WalkAsync(SandboxFixture app, string culture, string customer)
    {
        Func<string, IEnumerable<string>> foreignWords = culture == "ru" ? EnglishWords : CyrillicWords;
        await WorkADayAsync(app, customer);
        using var staff = await app.SignInAsync();
        (await staff.GetAsync($"/culture/{culture}?returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var found = new List<string>();
        foreach (var (url, html) in await CrawlAsync(staff))
        {
            var words = foreignWords(VisibleText(html)).Except(NotSystemWords).Distinct().ToList();
            if (words.Count > 0) found.Add($"{url}: {string.Join(", ", words)}");
        }
        found.ShouldBeEmpty(string.Join(Environment.NewLine, found));
    }

    /// <summary>An order through the sandbox shop to completed, and a VIP order whose rule hands a task to a manager.</summary>
    private static async Task WorkADayAsync(SandboxFixture app, string customer)
    {
        using var http = app.Http();
        var placed = await http.PostAsync("/sandbox/shop/orders", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = customer, ["email"] = "maria.tour@example.com", ["phone"] = "+79160000077", ["city"] = "Москва",
            ["line1"] = "ул. Арбат, 5", ["sku"] = "SKU-003", ["quantity"] = "2",
        }));
        var orderId = Guid.Parse(CrmOrder().Match(await placed.Content.ReadAsStringAsync()).Groups[1].Value);
        await Eventually.WaitForAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<IOrderIntegrationService>().FindAsync(orderId))!.Status;
        }, s => s == OrderStatus.Completed, TimeSpan.FromSeconds(90));
        await app.PlaceOrderAsync("tour-vip", "vip.tour@example.com", customer + " VIP", "SKU-011");
    }

    /// <summary>Every same-site page reachable from the home page (two of each kind, e.g. two customers), with its HTML.</summary>
    private static async Task<List<(string Url, string Html)>> CrawlAsync(HttpClient staff)
    {
        var pages = new List<(string, string)>();
        var queue = new Queue<string>(["/"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var perPath = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (queue.Count > 0 && pages.Count < 200)
        {
            var url = queue.Dequeue();
            using var response = await staff.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK
                || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var html = await response.Content.ReadAsStringAsync();
            pages.Add((url, html));
            foreach (Match link in Link().Matches(html))
            {
                var next = WebUtility.HtmlDecode(link.Groups[1].Value);
                var path = next.Split('?', '#')[0];
                if (Skipped(next) || !seen.Add(next)) continue;
                perPath[path] = perPath.GetValueOrDefault(path) + 1;
                if (perPath[path] <= 2) queue.Enqueue(next);
            }
        }
        pages.Count.ShouldBeGreaterThan(25, "the tour should reach the whole staff UI");
        return pages;
    }

    private static bool Skipped(string url) =>
        url.StartsWith("/Account/Logout", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/culture/", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("/_content/", StringComparison.Ordinal) || url.StartsWith("/lib/", StringComparison.Ordinal)
        || url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/sandbox", StringComparison.Ordinal)
        || url.StartsWith("/openapi", StringComparison.Ordinal) || url.StartsWith("/health", StringComparison.Ordinal)
        || url.StartsWith("/hooks/", StringComparison.Ordinal) || url.StartsWith("/metrics", StringComparison.Ordinal)
        || url.Contains("handler=", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// What a reader sees: text and the titles, placeholders and labels of elements; code and data attributes are not words.
    /// </summary>
    private static string VisibleText(string html)
    {
        var body = NotRead().Replace(html, " ");
        var attributes = string.Join(' ', ReadAttribute().Matches(body).Select(m => m.Groups[2].Value));
        return WebUtility.HtmlDecode(Tag().Replace(body, " ") + " " + attributes);
    }

    /// <summary>Latin words outside code (a message's `backticked` expression is code too).</summary>
    private static IEnumerable<string> EnglishWords(string text) =>
        Backticked().Replace(text, " ").Split((char[])[' ', '\n', '\r', '\t', '(', ')', '[', ']', ',', ';', ':', '«', '»',
            '"', '!', '?', '·', '—', '→', '…'],
                StringSplitOptions.RemoveEmptyEntries)
            .Where(chunk => !Technical(chunk))
            .Select(chunk => chunk.Trim('.', '\'', '-'))
            .Where(word => LatinWord().IsMatch(word) && !TechnicalTerms.Contains(word));

    private static IEnumerable<string> CyrillicWords(string text) => CyrillicWord().Matches(text).Select(m => m.Value);

    /// <summary>Identifiers, e-mail addresses, paths, codes and numbers are not language.</summary>
    private static bool Technical(string chunk) =>
        CamelCase().IsMatch(chunk) || chunk.Contains('@') || chunk.Contains('/') || chunk.Contains('_') || chunk.Contains('=')
        || chunk.Any(char.IsDigit) || InnerDot().IsMatch(chunk);

    [GeneratedRegex("href=\"(/[^\"]*)\"")]
    private static partial Regex Link();

    [GeneratedRegex("<(script|style|code|pre|template|textarea)\\b[^>]*>.*?</\\1>|<!--.*?-->",
        RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex NotRead();

    [GeneratedRegex("\\s(title|placeholder|aria-label|alt)=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ReadAttribute();

    [GeneratedRegex("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")]
    private static partial Regex Tag();

    [GeneratedRegex("^[A-Za-z]{2,}$")]
    private static partial Regex LatinWord();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex Backticked();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();

    [GeneratedRegex("\\w\\.\\w")]
    private static partial Regex InnerDot();

    [GeneratedRegex("[А-Яа-яЁё]{2,}")]
    private static partial Regex CyrillicWord();

    [GeneratedRegex("id=\"crm-order\">([0-9a-f-]{36})<")]
    private static partial Regex CrmOrder();
}
