using Refit;

namespace HyperCrm.Integrations.Connectors;

/// <summary>The mail service: sends the shop's messages, and lists the customers' emails in the shop's mailbox.</summary>
public interface IEmailApi : IMessageApi
{
    /// <summary>The mailbox's emails numbered after <paramref name="after"/>, oldest first.</summary>
    [Get("/inbox")]
    Task<List<InboxMailAnswer>> ReadInboxAsync([Query] long after, [Query] int limit, CancellationToken cancellationToken);
}
