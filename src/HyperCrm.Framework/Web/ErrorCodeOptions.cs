using Microsoft.AspNetCore.Http;

namespace HyperCrm.Framework.Web;

/// <summary>
/// The web layer's map from a business error's code to its HTTP status. Each module's Web layer maps its own codes
/// (<c>services.Configure&lt;ErrorCodeOptions&gt;(o =&gt; o.Map(409, "Sales:TransitionNotAllowed"))</c>); a code no one
/// mapped is a 422 (the request is understood but refused).
/// </summary>
public sealed class ErrorCodeOptions
{
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal)
    {
        ["Common:NotFound"] = StatusCodes.Status404NotFound,
        ["Common:InvalidCursor"] = StatusCodes.Status400BadRequest,
        ["Common:BadCursor"] = StatusCodes.Status400BadRequest,
        ["Common:ConcurrencyConflict"] = StatusCodes.Status409Conflict,
    };

    public ErrorCodeOptions Map(int status, params string[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes) _statuses[code] = status;
        return this;
    }

    public int StatusOf(string code) => _statuses.GetValueOrDefault(code, StatusCodes.Status422UnprocessableEntity);
}
