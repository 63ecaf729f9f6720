using HyperCrm.TestBase;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>
/// The app on a real loopback port, as it runs behind a reverse proxy on the same machine (loopback is a trusted proxy
/// by default), with small rate limits so a test reaches them quickly.
/// </summary>
public sealed class ProxiedFixture : HyperCrmWebApplicationFactory
{
    public const int SignInPerMinute = 5;
    public const int ApiPerMinute = 20;
    public const int HooksPerMinute = 5;
    public const string MetricsToken = "metrics-scraper-token-0123456789";

    protected override bool OnLoopbackPort => true;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimiting:SignInPerMinute"] = SignInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:PermitsPerMinute"] = ApiPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:HooksPerMinute"] = HooksPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Metrics:Token"] = MetricsToken,
    };

    /// <summary>A client as the proxy forwards it: from <paramref name="clientAddress"/>, over https when <paramref
    /// name="https"/>.</summary>
    public HttpClient Forwarded(string clientAddress, bool https = false)
    {
        var client = new HttpClient(new CookieJar { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false,
            UseCookies = false } })
        {
            BaseAddress = new Uri(BaseUrl),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        if (https) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    /// <summary>
    /// Keeps cookies as the browser in front of the TLS proxy would: Secure and __Host- cookies go back too, although
    /// this leg (proxy to app) is plain HTTP, where a cookie container would drop them.
    /// </summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var pair in set.Select(c => c.Split(';')[0]))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0) _cookies[pair[..equals]] = pair[(equals + 1)..];
                }
            }
            return response;
        }
    }
}
