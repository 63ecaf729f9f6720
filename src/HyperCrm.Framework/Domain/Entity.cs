namespace HyperCrm.Framework.Domain;

public abstract class Entity<TKey> : IEntity
    where TKey : notnull
{
    public TKey Id { get; protected set; } = default!;

    protected Entity() { }

    protected Entity(TKey id) => Id = id;

    /// <summary>Checks a business rule; a broken rule throws a <see cref="BusinessRuleValidationException"/>.</summary>
    protected static void CheckRule(IBusinessRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.IsBroken()) throw new BusinessRuleValidationException(rule);
    }

    public override string ToString() => $"{GetType().Name} {Id}";
}
