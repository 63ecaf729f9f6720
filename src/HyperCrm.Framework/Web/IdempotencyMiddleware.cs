using System.Security.Cryptography;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HyperCrm.Framework.Web;

/// <summary>
/// <c>Idempotency-Key</c> on any API POST (docs/api.md): the same key with the same body answers the first response
/// again (kept 24 h or more), with a different body 422, while the first is still running 409. Keys are per partner.
/// The request runs in one <see cref="SharedTransaction"/> that holds an advisory lock on the key and commits the request's
/// writes together with the stored answer (ADR 0016): after a crash, a restart or a database blip there is either both or
/// neither, and no claim outlives its transaction, so the client's retry replays the answer or runs the request once.
/// A 5xx answer is not kept (its writes are rolled back), so the client may retry it. Runs after authorization.
/// </summary>
public static class IdempotencyMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[HeaderName].ToString();
        var partnerId = context.User.FindFirst(HyperClaimTypes.PartnerId)?.Value;
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || partnerId is null || !HyperApi.IsApiRequest(context))
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest,
                $"{HeaderName} must be 1 to {MaxKeyLength} printable characters.", "Common:IdempotencyKeyTooLong");
            return;
        }
        var scope = "partner:" + partnerId;
        var hash = await HashRequestAsync(context.Request);
        var transaction = context.RequestServices.GetRequiredService<SharedTransaction>();
        await transaction.BeginAsync(context.RequestAborted);
        var claimed = await transaction.TryLockAsync(context.RequestAborted, "idempotency", scope, key);
        var existing = await FindAsync(transaction, scope, key, context.RequestAborted);
        if (existing is not null && existing.RequestHash != hash)
        {
            await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity,
                "This Idempotency-Key was used with a different request body.", "Common:IdempotencyKeyReused");
            return;
        }
        if (existing is not null)
        {
            await ReplayAsync(context, existing);
            return;
        }
        if (!claimed)
        {
            await ProblemAsync(context, StatusCodes.Status409Conflict,
                "A request with this Idempotency-Key is still being processed; retry shortly.", "Common:IdempotencyInFlight");
            return;
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
            // A 5xx is rolled back with everything it wrote (the transaction is disposed uncommitted), so a retry runs again.
            if (context.Response.StatusCode < 500)
            {
                await StoreAsync(transaction, scope, key, hash, context.Response, captured.ToArray(), context.RequestAborted);
                await transaction.CommitAsync(context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    });

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(request.Method + " " + request.Path + "\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0) sha.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static async Task<IdempotencyRecord?> FindAsync(SharedTransaction transaction, string scope, string key,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT request_hash, status_code, content_type, location, body FROM platform.idempotency_records WHERE scope = $1 AND " +
                "key = $2 AND completed AND created_at > now() - $3", transaction.Connection, transaction.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = Retention });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new IdempotencyRecord
        {
            Scope = scope, Key = key, RequestHash = reader.GetString(0), Completed = true,
            StatusCode = reader.IsDBNull(1) ? null : reader.GetInt32(1),
            ContentType = reader.IsDBNull(2) ? null : reader.GetString(2),
            Location = reader.IsDBNull(3) ? null : reader.GetString(3),
            Body = reader.IsDBNull(4) ? null : (byte[])reader.GetValue(4),
        };
    }

    /// <summary>The answer, stored in the request's own transaction (an expired answer under the same key is replaced).</summary>
    private static async Task StoreAsync(SharedTransaction transaction, string scope, string key, string hash, HttpResponse response,
        byte[] body, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO platform.idempotency_records (scope, key, request_hash, completed, status_code, content_type, location, body, " +
                "created_at) VALUES ($1, $2, $3, true, $4, $5, $6, $7, now()) ON CONFLICT (scope, key) DO UPDATE SET request_hash = " +
                "excluded.request_hash, completed = true, status_code = excluded.status_code, content_type = excluded.content_type, " +
                "location = excluded.location, body = excluded.body, created_at = excluded.created_at",
            transaction.Connection, transaction.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        command.Parameters.Add(new NpgsqlParameter { Value = response.StatusCode });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)response.ContentType ?? DBNull.Value });
        var location = response.Headers.Location.ToString();
        command.Parameters.Add(new NpgsqlParameter { Value = location.Length > 0 ? location : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = body });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record)
    {
        context.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
        if (record.Location is not null) context.Response.Headers.Location = record.Location;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.Body is { Length: > 0 } body) await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task ProblemAsync(HttpContext context, int status, string detail, string code)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
