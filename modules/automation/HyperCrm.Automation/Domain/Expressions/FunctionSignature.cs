using HyperCrm.Automation.Catalog;

namespace HyperCrm.Automation.Domain.Expressions;

/// <summary>A function the language offers: its name, argument types (null = any), result type (null = like the first argument).</summary>
public sealed record FunctionSignature(string Name, FieldType?[] Arguments, FieldType? Result, string Method, string Usage,
    string Description)
{
    internal bool Accepts(FieldType?[] types) =>
        types.Length == Arguments.Length && Arguments.Zip(types).All(p => p.First is null || p.Second is null || p.First == p.Second)
        && (Name != "coalesce" || types[0] is null || types[1] is null || types[0] == types[1]);
}
