namespace HyperCrm.Framework.Domain;

/// <summary>
/// A failure the caller can understand and act on, named by a stable <see cref="Code"/>. The web layer maps the code to
/// an HTTP status (<c>ErrorCodeOptions</c>) and to a text in the reader's language (<c>BusinessErrorLocalizer</c>,
/// formatted with <see cref="Arguments"/>); <see cref="Exception.Message"/> is the English text.
/// </summary>
public class BusinessException : Exception
{
    public string Code { get; }

    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>What the localized text of <see cref="Code"/> is formatted with.</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public BusinessException(string code, string message, IReadOnlyDictionary<string, object?>? data = null)
        : base(message)
    {
        Code = code;
        Details = data ?? new Dictionary<string, object?>();
    }

    /// <summary>A refusal whose problem lists each refused field in <c>errors</c>, as validation problems do.</summary>
    public static BusinessException ForFields(string code, string message, IReadOnlyDictionary<string, string[]> errors) =>
        new(code, message, new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A refusal naming one refused field.</summary>
    public static BusinessException ForField(string code, string field, string message) =>
        ForFields(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
