namespace HyperCrm.Framework.Domain;

public sealed class EntityNotFoundException(Type entityType, object id)
    : BusinessException("Common:NotFound", $"{entityType.Name} '{id}' was not found.", 404)
{
    public Type EntityType { get; } = entityType;
}
