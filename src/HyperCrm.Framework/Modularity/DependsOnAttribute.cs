namespace HyperCrm.Framework.Modularity;

/// <summary>Declares the modules a module needs; the loader starts those first.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class DependsOnAttribute(params Type[] dependedModuleTypes) : Attribute
{
    public IReadOnlyList<Type> DependedModuleTypes { get; } = dependedModuleTypes;
}
