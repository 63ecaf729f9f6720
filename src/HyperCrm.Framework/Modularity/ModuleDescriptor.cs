namespace HyperCrm.Framework.Modularity;

public sealed class ModuleDescriptor(Type type, HyperModule instance, IReadOnlyList<Type> dependencies)
{
    public Type Type { get; } = type;
    public HyperModule Instance { get; } = instance;
    public IReadOnlyList<Type> Dependencies { get; } = dependencies;
    public string Name => Type.Name;
    public override string ToString() => Name;
}
