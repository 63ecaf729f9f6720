namespace HyperCrm.Activities.Messages;

/// <summary>What a partner hears back about a relayed message: that it is in, and under which id (never whose it is).</summary>
public sealed record MessageAcceptedDto(Guid Id, DateTimeOffset ReceivedAt);
