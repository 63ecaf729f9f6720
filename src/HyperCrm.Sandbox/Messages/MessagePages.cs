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
    }
}
