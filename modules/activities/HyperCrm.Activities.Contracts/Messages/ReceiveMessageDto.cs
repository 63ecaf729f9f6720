using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Activities.Messages;

/// <summary>A customer's message a partner relays (<c>POST /api/v1/messages</c>) or a connector reads from a mailbox.</summary>
public sealed record ReceiveMessageDto
{
    public MessageChannel Channel { get; init; } = MessageChannel.Email;

    /// <summary>The sender's email address (matched to a customer by it, else by the phone).</summary>
    [EmailAddress, StringLength(254)]
    public string? FromEmail { get; init; }

    [StringLength(32)]
    public string? FromPhone { get; init; }

    [StringLength(200)]
    public string? FromName { get; init; }

    [StringLength(300)]
    public string? Subject { get; init; }

    [Required, StringLength(InboundMessageConsts.MaxTextLength, MinimumLength = 1)]
    public string Text { get; init; } = string.Empty;

    /// <summary>The sender's own id of the message: the same id twice is the same message (kept once).</summary>
    [StringLength(200)]
    public string? ExternalId { get; init; }

    /// <summary>The order it is about, when the sender knows (one of the partner's own orders).</summary>
    public Guid? OrderId { get; init; }
}
