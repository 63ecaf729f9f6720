using HyperCrm.Framework.Domain;

namespace HyperCrm.Operations.Domain;

/// <summary>
/// A threshold an operator wants to hear about: a kind (<see cref="AlertKind"/>), what it watches (a console number's key,
/// a connector, a bot, an instance; a trailing "*" matches many), the threshold, and for how many minutes it must hold
/// before the alert fires. Guards its own values.
/// </summary>
public sealed class AlertRule : AggregateRoot<Guid>
{
    public const int MaxNameLength = 120;
    public const int MaxTargetLength = 200;
    public const int MaxMinutes = 24 * 60;

    private AlertRule() { }

    public AlertRule(Guid id, string name, AlertKind kind, string target, double threshold, int forMinutes, bool email) : base(id)
    {
        Update(name, kind, target, threshold, forMinutes, email);
        Enabled = true;
    }

    public string Name { get; private set; } = string.Empty;
    public AlertKind Kind { get; private set; }
    public string Target { get; private set; } = "*";
    public double Threshold { get; private set; }
    public int ForMinutes { get; private set; }
    public bool Email { get; private set; }
    public bool Enabled { get; private set; }

    public void Update(string name, AlertKind kind, string target, double threshold, int forMinutes, bool email)
    {
        name = (name ?? string.Empty).Trim();
        target = string.IsNullOrWhiteSpace(target) ? "*" : target.Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw new BusinessException("Operations:AlertName",
                $"Name the rule (up to {MaxNameLength} characters).") { Arguments = [MaxNameLength] };
        if (!Enum.IsDefined(kind)) throw new BusinessException("Operations:AlertKind", "Choose what the rule watches.");
        if (target.Length > MaxTargetLength)
            throw new BusinessException("Operations:AlertTarget", $"The target is too long (up to {MaxTargetLength} characters).")
            {
                Arguments = [MaxTargetLength],
            };
        if (!double.IsFinite(threshold) || threshold < 0 || (kind == AlertKind.ErrorRate && threshold > 100))
            throw new BusinessException("Operations:AlertThreshold", "The threshold must be a number of zero or more (a rate: 0 to 100).");
        if (forMinutes is < 0 or > MaxMinutes)
            throw new BusinessException("Operations:AlertMinutes",
                $"The duration must be 0 to {MaxMinutes} minutes.") { Arguments = [MaxMinutes] };
        (Name, Kind, Target, Threshold, ForMinutes, Email) = (name, kind, target, threshold, forMinutes, email);
    }

    public void Enable(bool enabled) => Enabled = enabled;

    /// <summary>Whether <paramref name="subject"/> (a number's key, a connector, a bot, an instance) is watched by this rule.</summary>
    public bool Watches(string subject) => Target == "*" || (Target.EndsWith('*')
        ? subject.StartsWith(Target[..^1], StringComparison.Ordinal)
        : string.Equals(Target, subject, StringComparison.Ordinal));
}
