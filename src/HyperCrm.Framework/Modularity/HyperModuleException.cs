namespace HyperCrm.Framework.Modularity;

public sealed class HyperModuleException(string message) : Exception(message);
