using HyperCrm.Framework.Events;

namespace HyperCrm.Robots;

/// <summary>
/// A bot's job is over: the bot did it (<c>succeeded</c>, with what it read, e.g. the purchase-order numbers), a person
/// did it by hand after the bot could not (<c>done_by_person</c>), or it was cancelled (<c>cancelled</c>). A step of a rule
/// that ran the bot (<c>rpa.run_bot</c>) waits for it. A rule trigger. <see cref="RunSeconds"/>: how long the bot's
/// successful run took (its browser time, for the cost of a bot minute); null when no run of the bot finished it.
/// </summary>
[EventName("robots.job.finished")]
public sealed record BotJobFinishedEto(Guid JobId, string Bot, string Status, Guid? OrderId, string? Outputs, double? RunSeconds = null);
