using System.Text.Json.Serialization;

namespace HyperCrm.Robots.Domain.Bots;

/// <summary>What a bot's step does in the browser.</summary>
public enum BotStepKind
{
    /// <summary>Opens the URL in <see cref="BotStep.Target"/>.</summary>
    [JsonStringEnumMemberName("goto")] Goto,
    /// <summary>Types <see cref="BotStep.Value"/> into the field <see cref="BotStep.Target"/>.</summary>
    [JsonStringEnumMemberName("fill")] Fill,
    /// <summary>Chooses the option <see cref="BotStep.Value"/> of the list <see cref="BotStep.Target"/>.</summary>
    [JsonStringEnumMemberName("select")] Select,
    /// <summary>Clicks <see cref="BotStep.Target"/> and waits for the page it leads to.</summary>
    [JsonStringEnumMemberName("click")] Click,
    /// <summary>Waits until <see cref="BotStep.Target"/> is on the page.</summary>
    [JsonStringEnumMemberName("wait_for")] WaitFor,
    /// <summary>Reads the text of <see cref="BotStep.Target"/> into <see cref="BotStep.Variable"/>.</summary>
    [JsonStringEnumMemberName("extract")] Extract,
    /// <summary><see cref="BotStep.Target"/> must be there (and contain <see cref="BotStep.Value"/>, when given).</summary>
    [JsonStringEnumMemberName("assert")] Assert,
    /// <summary><see cref="BotStep.Target"/> must not be there (an error message, a "locked" banner).</summary>
    [JsonStringEnumMemberName("assert_absent")] AssertAbsent,
    /// <summary>Takes a screenshot for the run's record.</summary>
    [JsonStringEnumMemberName("screenshot")] Screenshot,
    /// <summary>Runs <see cref="BotStep.Steps"/> once per item of the list parameter <see cref="BotStep.Target"/> (the
    /// order's lines), each item readable as <c>{{line.…}}</c>.</summary>
    [JsonStringEnumMemberName("repeat")] Repeat,
}
