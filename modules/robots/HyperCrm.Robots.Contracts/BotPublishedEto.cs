using HyperCrm.Framework.Events;

namespace HyperCrm.Robots;

/// <summary>A bot's draft became a version. <see cref="DraftStartedAt"/> is when the bot was first drafted: analytics reads the
/// first version's wait as the bot's time to market. Not a trigger for rules.</summary>
[EventName("robots.bot.published", IsTrigger = false)]
public sealed record BotPublishedEto(Guid BotId, string Key, string Name, int Version, string PublishedBy, DateTimeOffset DraftStartedAt,
    DateTimeOffset PublishedAt);
