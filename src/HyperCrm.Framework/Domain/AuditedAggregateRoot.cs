namespace HyperCrm.Framework.Domain;

/// <summary>An aggregate whose creation and last modification (when and by whom) the DbContext fills in.</summary>
public abstract class AuditedAggregateRoot<TKey> : AggregateRoot<TKey>, IAuditedObject
    where TKey : notnull
{
    public DateTimeOffset CreationTime { get; set; }
    public Guid? CreatorId { get; set; }
    public DateTimeOffset? LastModificationTime { get; set; }
    public Guid? LastModifierId { get; set; }

    protected AuditedAggregateRoot() { }

    protected AuditedAggregateRoot(TKey id) : base(id) { }
}
