using System.Net;

namespace HyperCrm.Sandbox;

/// <summary>Plain server-rendered HTML for the simulators' own pages (no scripts: the RPA bots and people read them).</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static IResult Page(string title, string body, int statusCode = 200) => Results.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
          body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 960px; padding: 0 1rem; color: #222; }
          header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
          header a { margin-right: 1rem; }
          table { border-collapse: collapse; width: 100%; }
          th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
          label { display: block; margin: .5rem 0 .15rem; }
          input, select, textarea { padding: .3rem; min-width: 16rem; }
          button { margin-top: .75rem; padding: .4rem 1rem; }
          .ok { color: #176317; } .error { color: #a11; }
          .note { color: #666; font-size: .9rem; }
        </style></head>
        <body><header><strong>HyperCrm sandbox</strong> ·
          <a href="/sandbox/shop">Shop</a><a href="/sandbox/sms">SMS</a><a href="/sandbox/mail">Mail</a>
          <a href="/sandbox/supplier/">Supplier portal</a><a href="/sandbox">Ledgers</a>
        </header>
        <h1>{{E(title)}}</h1>
        {{body}}
        </body></html>
        """, "text/html; charset=utf-8", statusCode: statusCode);
}
