namespace HyperCrm.Framework.Web;

/// <summary>
/// Example values for API schemas, contributed by the modules that own the types; the host writes them into the
/// OpenAPI document, so every request and response body a partner sees in the docs comes with a realistic example.
/// </summary>
public sealed class ApiExamples
{
    private readonly Dictionary<Type, object> _examples = [];

    public IReadOnlyDictionary<Type, object> All => _examples;

    public void Add<T>(T example)
        where T : notnull => _examples[typeof(T)] = example;
}
