using HyperCrm.Activities.Messages;
using HyperCrm.Integrations.Connectors;
using HyperCrm.Integrations.Data;
using HyperCrm.Integrations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HyperCrm.Integrations.Application;

/// <summary>
/// Reads the shop's mailbox through the email connector: the emails after the last one read go to the support inbox (each
/// under its mail id, so an email read twice — a crash before the cursor moved, two instances at once — is one message),
/// then the cursor moves on. A mailbox that does not answer is asked again at the next round.
/// </summary>
public sealed class MailboxPoller(IServiceScopeFactory scopes, IOptions<IntegrationsOptions> options, TimeProvider clock,
    ILogger<MailboxPoller> logger) : BackgroundService
{
    public const string CursorId = "email";
    public const int BatchSize = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkersEnabled || options.Value.MailboxPollInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.MailboxPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await PollAsync(stoppingToken) == BatchSize)
                {
                    // A full page: there may be more waiting.
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Reading the shop's mailbox failed: {Error}", ex.Message);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One page of the mailbox into the support inbox; returns how many emails were read.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntegrationsDbContext>();
        var cursor = await db.MailboxCursors.FirstOrDefaultAsync(c => c.Id == CursorId, cancellationToken);
        if (cursor is null) db.MailboxCursors.Add(cursor = new MailboxCursor(CursorId));
        var mails = await scope.ServiceProvider.GetRequiredService<IEmailApi>().ReadInboxAsync(cursor.Position, BatchSize,
            cancellationToken);
        var messages = scope.ServiceProvider.GetRequiredService<IMessageIntegrationService>();
        foreach (var mail in mails.OrderBy(m => m.Sequence))
        {
            await messages.ReceiveAsync(new ReceiveMessageDto
            {
                Channel = MessageChannel.Email, FromEmail = mail.From, FromName = mail.Name, Subject = mail.Subject,
                Text = mail.Text.Length > InboundMessageConsts.MaxTextLength ? mail.Text[..InboundMessageConsts.MaxTextLength] : mail.Text,
                ExternalId = "mail:" + mail.Id,
            }, partnerId: null, cancellationToken);
            cursor.MoveTo(mail.Sequence, clock.GetUtcNow());
        }
        if (mails.Count > 0) await db.SaveChangesAsync(cancellationToken);
        return mails.Count;
    }
}
