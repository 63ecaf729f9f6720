using System.Security.Cryptography;
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
/// A 5xx answer is not kept, so the client may retry it. Runs after authorization, so it knows the partner.
/// </summary>
public static class IdempotencyMiddleware
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    /// <summary>A request still "in flight" after this long was abandoned (its process died); the key is free again.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var key = context.Request.Headers[HeaderName].ToString();
        var partnerId = context.User.FindFirst(HyperClaimTypes.PartnerId)?.Value;
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || partnerId is null || !HyperApi.IsApiRequest(context))
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, $"{HeaderName} can be at most {MaxKeyLength} characters.",
                "Common:IdempotencyKeyTooLong");
            return;
        }
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var scope = "partner:" + partnerId;
        var hash = await HashRequestAsync(context.Request);

        if (!await TryClaimAsync(dataSource, scope, key, hash, context.RequestAborted))
        {
            var existing = await FindAsync(dataSource, scope, key, context.RequestAborted);
            if (existing is null)
                await ProblemAsync(context, StatusCodes.Status409Conflict,
                    "A request with this Idempotency-Key is being processed; retry shortly.", "Common:IdempotencyInFlight");
            else if (existing.RequestHash != hash)
                await ProblemAsync(context, StatusCodes.Status422UnprocessableEntity,
                    "This Idempotency-Key was used with a different request body.", "Common:IdempotencyKeyReused");
            else if (!existing.Completed)
                await ProblemAsync(context, StatusCodes.Status409Conflict,
                    "A request with this Idempotency-Key is still being processed; retry shortly.", "Common:IdempotencyInFlight");
            else
                await ReplayAsync(context, existing);
            return;
        }

        var original = context.Response.Body;
        await using var captured = new MemoryStream();
        context.Response.Body = captured;
        var completed = false;
        try
        {
            await next(context);
            completed = context.Response.StatusCode < 500;
            if (completed) await CompleteAsync(dataSource, scope, key, context.Response, captured.ToArray(), context.RequestAborted);
        }
        finally
        {
            context.Response.Body = original;
            if (!completed) await ReleaseAsync(dataSource, scope, key);
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

    private static async Task<bool> TryClaimAsync(NpgsqlDataSource dataSource, string scope, string key, string hash,
        CancellationToken cancellationToken)
    {
        await using (var expire = dataSource.CreateCommand(
            "DELETE FROM platform.idempotency_records WHERE scope = $1 AND key = $2 AND (created_at < now() - $3 OR (NOT completed AND " +
                "created_at < now() - $4))"))
        {
            expire.Parameters.Add(new NpgsqlParameter { Value = scope });
            expire.Parameters.Add(new NpgsqlParameter { Value = key });
            expire.Parameters.Add(new NpgsqlParameter { Value = Retention });
            expire.Parameters.Add(new NpgsqlParameter { Value = AbandonedAfter });
            await expire.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = dataSource.CreateCommand(
            "INSERT INTO platform.idempotency_records (scope, key, request_hash, completed, created_at) VALUES ($1, $2, $3, false, " +
                "now()) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private static async Task<IdempotencyRecord?> FindAsync(NpgsqlDataSource dataSource, string scope, string key,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT request_hash, completed, status_code, content_type, location, body FROM platform.idempotency_records WHERE scope = " +
                "$1 AND key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new IdempotencyRecord
        {
            Scope = scope, Key = key, RequestHash = reader.GetString(0), Completed = reader.GetBoolean(1),
            StatusCode = reader.IsDBNull(2) ? null : reader.GetInt32(2),
            ContentType = reader.IsDBNull(3) ? null : reader.GetString(3),
            Location = reader.IsDBNull(4) ? null : reader.GetString(4),
            Body = reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5),
        };
    }

    private static async Task CompleteAsync(NpgsqlDataSource dataSource, string scope, string key, HttpResponse response, byte[] body,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE platform.idempotency_records SET completed = true, status_code = $3, content_type = $4, location = $5, body = $6 " +
                "WHERE scope = $1 AND key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        command.Parameters.Add(new NpgsqlParameter { Value = response.StatusCode });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)response.ContentType ?? DBNull.Value });
        var location = response.Headers.Location.ToString();
        command.Parameters.Add(new NpgsqlParameter { Value = location.Length > 0 ? location : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = body });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ReleaseAsync(NpgsqlDataSource dataSource, string scope, string key)
    {
        await using var command =
            dataSource.CreateCommand("DELETE FROM platform.idempotency_records WHERE scope = $1 AND key = $2 AND NOT completed");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await command.ExecuteNonQueryAsync(CancellationToken.None);
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
