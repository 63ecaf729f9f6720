namespace HyperCrm.Robots.Runner;

/// <summary>
/// A bot's step failed. <see cref="Retryable"/>: a timeout, the portal's 5xx, a dropped connection — another attempt may
/// succeed. Otherwise (sign-in refused, an expected element missing because the page changed, a host the bot may not
/// open) a person must look, and <see cref="Doing"/> tells them what the bot was trying to do.
/// </summary>
public sealed class BotStepException(string message, bool retryable, string? doing = null) : Exception(message)
{
    public bool Retryable { get; } = retryable;

    public string? Doing { get; } = doing;
}
