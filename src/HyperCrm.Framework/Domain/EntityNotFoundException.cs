namespace HyperCrm.Framework.Domain;

/// <summary>The thing asked for does not exist (or is not the caller's to see): 404 on the web.</summary>
public sealed class EntityNotFoundException : BusinessException
{
    public const string NotFoundCode = "Common:NotFound";

    public EntityNotFoundException(Type entityType, object id)
        : base(NotFoundCode, $"{entityType?.Name} '{id}' was not found.")
    {
        EntityType = entityType!;
        Arguments = [entityType?.Name, id];
    }

    public Type EntityType { get; }
}
