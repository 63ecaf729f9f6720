namespace HyperCrm.Sandbox;

/// <summary>The headers every simulator write reads: the CRM order it was made for and its idempotency key.</summary>
internal static class SimulatorRequest
{
    public static string? Reference(HttpContext http) => http.Request.Headers["X-Reference"].ToString() is { Length: > 0 } reference
        ? reference : null;

    public static string? IdempotencyKey(HttpContext http) => http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } key
        ? key : null;
}
