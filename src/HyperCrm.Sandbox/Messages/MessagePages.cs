using static HyperCrm.Sandbox.Html;

namespace HyperCrm.Sandbox;

/// <summary>The SMS gateway's and the mail catcher's inboxes, as a person reads them.</summary>
internal static class MessagePages
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        foreach (var (channel, title) in new[] { ("sms", "SMS gateway: messages sent"), ("mail", "Mail catcher: messages sent") })
        {
            sandbox.MapGet("/" + channel, (SandboxWorld world) =>
            {
                var rows = string.Concat(world.Messages.Where(m => m.Channel == channel).Reverse().Take(200).Select(m =>
                    $"<tr><td>{m.At:yyyy-MM-dd HH:mm:ss}</td><td>{E(m.To)}</td><td>{E(m.Subject)}</td><td " +
                        $"class=\"message\">{E(m.Text)}</td><td>{E(m.Reference)}</td></tr>"));
                return Page(title,
                    $"<table><tr><th>at (UTC)</th><th>to</th><th>subject</th><th>text</th><th>CRM order</th></tr>{rows}</table>");
            });
        }
        // A person plays a customer writing to the shop; the CRM's mailbox connector reads it.
        sandbox.MapGet("/mail/write", (SandboxWorld world) => Page("Shop mailbox: write as a customer", WriteForm() + Inbox(world)));
        sandbox.MapPost("/mail/write", async (HttpContext http, SandboxWorld world) =>
        {
            var form = await http.Request.ReadFormAsync();
            string? Field(string name) => form[name].ToString() is { Length: > 0 } value ? value : null;
            if (Field("from") is not { } from || !from.Contains('@', StringComparison.Ordinal) || Field("text") is not { } text)
                return Page("Shop mailbox: write as a customer", "<p class=\"error\">A sender address and a text are needed.</p>"
                    + WriteForm() + Inbox(world), 400);
            var mail = world.Receive(from, Field("name"), Field("subject"), text);
            return Page("Shop mailbox: write as a customer", $"<p id=\"sent\">Sent as mail #{mail.Sequence}.</p>" + WriteForm()
                + Inbox(world));
        });
    }

    private static string WriteForm() => """
        <form method="post"><label>From <input id="from" name="from" type="email" required></label>
        <label>Name <input id="name" name="name"></label><label>Subject <input id="subject" name="subject"></label>
        <label>Text <textarea id="text" name="text" required></textarea></label><button id="send" type="submit">Send</button></form>
        """;

    private static string Inbox(SandboxWorld world)
    {
        var rows = string.Concat(world.Inbox.Reverse().Take(100).Select(m =>
            $"<tr><td>{m.Sequence}</td><td>{m.At:yyyy-MM-dd HH:mm:ss}</td><td>{E(m.From)}</td><td>{E(m.Subject)}</td>" +
                $"<td class=\"message\">{E(m.Text)}</td></tr>"));
        return $"<h2>In the mailbox</h2><table><tr><th>#</th><th>at (UTC)</th><th>from</th><th>subject</th><th>text</th></tr>{rows}"
            + "</table>";
    }
}
