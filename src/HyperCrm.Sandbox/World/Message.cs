namespace HyperCrm.Sandbox;

public sealed record Message(string Id, string Channel, string To, string? Subject, string Text, string? Reference, DateTimeOffset At);
