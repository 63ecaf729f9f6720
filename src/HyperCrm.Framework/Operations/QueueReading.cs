using HyperCrm.Framework.Localization;

namespace HyperCrm.Framework.Operations;

/// <summary>
/// One number of the operations console: a queue's depth (or a count of items in one state), the age of its oldest item,
/// how many of them are failing, and the page that lists them. <see cref="Key"/> is stable ("automation.runs.retrying"),
/// for alert rules and the meter's queue tag.
/// </summary>
public sealed record QueueReading(string Key, string Module, Message Title, long Count, double? OldestSeconds, string? Link,
    long Failing = 0);
