namespace HyperCrm.Framework.Domain;

/// <summary>
/// A failure the caller can understand and act on. The API turns it into a problem+json 4xx
/// carrying <see cref="Code"/>; the UI shows <see cref="Exception.Message"/>.
/// </summary>
public class BusinessException : Exception
{
    public string Code { get; }

    /// <summary>The HTTP status the API answers with: 422 by default, 409 for conflicts, 404 for missing things.</summary>
    public int StatusCode { get; }

    public IReadOnlyDictionary<string, object?> Details { get; }

    public BusinessException(string code, string message, int statusCode = 422, IReadOnlyDictionary<string, object?>? data = null)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        Details = data ?? new Dictionary<string, object?>();
    }

    /// <summary>A 422 whose problem lists each refused field in <c>errors</c>, as validation problems do.</summary>
    public static BusinessException ForFields(string code, string message, IReadOnlyDictionary<string, string[]> errors) =>
        new(code, message, 422, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A 422 naming one refused field.</summary>
    public static BusinessException ForField(string code, string field, string message) =>
        ForFields(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
