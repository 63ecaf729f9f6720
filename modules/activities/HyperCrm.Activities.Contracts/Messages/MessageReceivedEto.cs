using HyperCrm.Framework.Events;

namespace HyperCrm.Activities.Messages;

/// <summary>A customer's message arrived (from a partner's relay or the mailbox); triage reads it next.</summary>
[EventName("activities.message.received")]
public sealed record MessageReceivedEto(Guid MessageId, Guid? CustomerId, Guid? OrderId, MessageChannel Channel, string Text);
