namespace HyperCrm.Framework.Modularity;

public sealed record LoadedModules(Type StartupModuleType, IReadOnlyList<ModuleDescriptor> Modules);
