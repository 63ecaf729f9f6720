namespace HyperCrm.Framework.Domain;

public interface IAuditedObject
{
    DateTimeOffset CreationTime { get; set; }
    Guid? CreatorId { get; set; }
    DateTimeOffset? LastModificationTime { get; set; }
    Guid? LastModifierId { get; set; }
}
