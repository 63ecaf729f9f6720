namespace HyperCrm.Sandbox;

/// <summary>The SMS gateway and the mail catcher: messages accepted by their APIs and listed back.</summary>
internal static class MessageEndpoints
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        foreach (var channel in new[] { "sms", "mail" })
        {
            var group = sandbox.MapGroup("/" + channel);
            group.MapGet("/health", async (HttpContext http,
                SandboxWorld world) => await world.Find(channel)!.FaultAsync(http) ?? Results.Ok(new { status = "ok" }));
            group.MapPost("/messages", (MessageInput input, HttpContext http, SandboxWorld world) => world.Find(channel)!.WriteAsync(http,
                () =>
            {
                if (string.IsNullOrWhiteSpace(input.To) || string.IsNullOrWhiteSpace(input.Text))
                    return Task.FromResult(Results.Problem("A message needs a recipient ('to') and a text.", statusCode: 400));
                if (channel == "sms" && !System.Text.RegularExpressions.Regex.IsMatch(input.To, @"^\+[1-9]\d{7,14}$"))
                    return Task.FromResult(Results.Problem($"'{input.To}' is not a phone number in international format.",
                        statusCode: 400));
                var message = new Message(Guid.NewGuid().ToString("N"), channel, input.To.Trim(), input.Subject, input.Text,
                    SimulatorRequest.Reference(http) ?? input.Reference, world.Clock.GetUtcNow());
                world.Save(message);
                world.Find(channel)!.Record("message.send", message.Reference, SimulatorRequest.IdempotencyKey(http), new { message.Id,
                    message.To, message.Subject, message.Text });
                return Task.FromResult(Results.Json(new { id = message.Id, status = "sent", at = message.At },
                    statusCode: StatusCodes.Status201Created));
            }));
            group.MapGet("/messages",
                (SandboxWorld world) => Results.Json(world.Messages.Where(m => m.Channel == channel).Reverse().ToList()));
        }
    }

    /// <summary>The shop's mailbox: a customer writes (<c>POST /sandbox/mail/inbox</c>, or the form at /sandbox/mail/write), the
    /// CRM reads on from the last number it saw (<c>GET /sandbox/mail/inbox?after=&amp;limit=</c>).</summary>
    public static void MapInbox(RouteGroupBuilder sandbox)
    {
        var mail = sandbox.MapGroup("/mail");
        mail.MapPost("/inbox", (IncomingInput input, SandboxWorld world) =>
        {
            if (string.IsNullOrWhiteSpace(input.From) || !input.From.Contains('@', StringComparison.Ordinal)
                || string.IsNullOrWhiteSpace(input.Text))
                return Results.Problem("A customer's mail needs a sender address ('from') and a text.", statusCode: 400);
            var received = world.Receive(input.From, input.Name, input.Subject, input.Text);
            return Results.Json(received, statusCode: StatusCodes.Status201Created);
        });
        mail.MapGet("/inbox", async (HttpContext http, SandboxWorld world, long? after, int? limit) =>
            await world.Find("mail")!.FaultAsync(http) ?? Results.Json(world.Inbox.Where(m => m.Sequence > (after ?? 0))
                .OrderBy(m => m.Sequence).Take(Math.Clamp(limit ?? 50, 1, 200)).ToList()));
    }

    public sealed record MessageInput(string To, string? Subject, string Text, string? Reference);

    public sealed record IncomingInput(string From, string? Name, string? Subject, string Text);
}
