using System.Text;
using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using HyperCrm.Integrations.Webhooks;

namespace HyperCrm.Integrations.Actions;

/// <summary>
/// <c>http.call</c>: a request an admin defines in a rule, to a public host or one in <c>Webhooks:AllowedHosts</c>
/// (the SSRF guard checks it before and at connection time). Carries the step's idempotency key.
/// </summary>
public sealed class HttpCallAction(IHttpClientFactory clients, OutboundUrlGuard guard) : IAutomationAction
{
    public const string ClientName = "hypercrm-outbound";
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public ActionDescriptor Descriptor { get; } = new("http.call", "integrations",
        "Call a web address (an allowed host) with a request you define", true,
    [
        new("method", FieldType.Text, true, "GET, POST, PUT, PATCH or DELETE", "POST"),
        new("url", FieldType.Text, true, "the address (loopback and private networks only when an admin allowed the host)",
            "https://example.com/hooks/orders"),
        new("body", FieldType.Text, false, "the request body (JSON: each {{value}} is escaped as JSON string content)",
            "{\"order\": \"{{order.number}}\"}") { JsonEscaped = true },
        new("content_type", FieldType.Text, false, "the body's content type", "application/json"),
    ])
    {
        Outputs = [new("status", FieldType.Number, "the HTTP status"), new("body", FieldType.Text, "the answer (first 2,000 characters)")],
    };

    public async Task<ActionResult> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = (context.Text("method") ?? "GET").Trim().ToUpperInvariant();
        if (!Methods.Contains(method)) throw new PermanentActionException($"'{method}' is not one of {string.Join(", ", Methods)}.");
        var url = context.Text("url") ?? throw new PermanentActionException("No URL.");
        if (await guard.CheckAsync(url, cancellationToken) is { } refused) throw new PermanentActionException(refused);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add("Idempotency-Key", context.IdempotencyKey);
        request.Headers.Add("User-Agent", "HyperCrm-Automation/1.0");
        if (context.Text("body") is { } body && method != "GET")
            request.Content = new StringContent(body, Encoding.UTF8, context.Text("content_type") ?? "application/json");
        // Headers first, then at most the part of the body that is kept: a huge or endless answer is not read into memory.
        using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead,
            cancellationToken);
        var text = await ReadCappedAsync(response.Content, cancellationToken);
        var status = (int)response.StatusCode;
        if (status >= 500 || status is 408 or 429) throw new HttpRequestException($"{method} {url} answered {status}.");
        if (status >= 400) throw new PermanentActionException($"{method} {url} answered {status}: " +
            $"{(text.Length > 300 ? text[..300] : text)}");
        return ActionResult.Done(Message.Of("Integrations:Run:HttpCall", ("method", method), ("host", new Uri(url).Host),
            ("status", status)), new Dictionary<string, object?> { ["status"] = (decimal)status,
            ["body"] = text });
    }

    /// <summary>The characters of the answer that are kept.</summary>
    public const int MaxBodyChars = 2000;

    private static async Task<string> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096,
            leaveOpen: false);
        var buffer = new char[MaxBodyChars];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0) break;
            read += n;
        }
        return new string(buffer, 0, read);
    }
}
