using Microsoft.Playwright;

namespace HyperCrm.Robots.Runner;

/// <summary>
/// A bot written in C#, for logic steps cannot express, behind the same contract as a bot of steps: the runner gives it a
/// page already fenced to the definition's hosts, the variables (parameters, credentials) and the recorder (each step it
/// logs gets a screenshot); it returns by throwing a <see cref="BotStepException"/> or by setting its outputs on the variables.
/// Registered with <c>AddBotHandler&lt;T&gt;()</c>; a definition names it in <c>handler</c>.
/// </summary>
public interface IBotHandler
{
    string Name { get; }

    Task RunAsync(IPage page, BotVariables variables, BotRecorder recorder, CancellationToken cancellationToken);
}
