namespace HyperCrm.Customers.Timeline;

/// <summary>Who did something: a person, or one of the automations, each named.</summary>
public enum ActorKind
{
    Human,
    Partner,
    Rule,
    Bot,
    Ai,
    Job,
    System,
}
