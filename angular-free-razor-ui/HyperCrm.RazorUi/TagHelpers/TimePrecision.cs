namespace HyperCrm.RazorUi.TagHelpers;

/// <summary>How much of a moment <see cref="LocalTimeTagHelper"/> shows; the full moment is always in the tooltip.</summary>
public enum TimePrecision
{
    /// <summary>Date and time to the minute, in the reader's culture.</summary>
    Minutes,

    /// <summary>Date and time to the second: for automated steps that happen seconds apart.</summary>
    Seconds,

    /// <summary>The date alone.</summary>
    Date,

    /// <summary>The time of day to the millisecond: for the steps of one automation run.</summary>
    Milliseconds,
}
