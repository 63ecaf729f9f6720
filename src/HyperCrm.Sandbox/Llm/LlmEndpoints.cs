using System.Text.Json;
using System.Text.Json.Nodes;

namespace HyperCrm.Sandbox;

/// <summary>
/// A stand-in language model behind an OpenAI-compatible chat completions endpoint (<c>/sandbox/llm/v1/chat/completions</c>,
/// any key), so an installation without an AI contract can try drafting and agents end to end over real HTTP. It is not
/// clever, it is predictable: see <see cref="SandboxModel"/>. Set it in Settings → AI: endpoint
/// <c>http://127.0.0.1:5080/sandbox/llm/v1</c>, model <c>sandbox</c>, any key.
/// </summary>
internal static class LlmEndpoints
{
    public static void Map(RouteGroupBuilder sandbox)
    {
        var llm = sandbox.MapGroup("/llm/v1");
        llm.MapPost("/chat/completions", async (HttpContext http) =>
        {
            JsonObject request;
            try
            {
                request = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject
                    ?? throw new JsonException("not an object");
            }
            catch (JsonException ex)
            {
                return Results.Json(new { error = new { message = "The request is not JSON: " + ex.Message,
                    type = "invalid_request_error" } },
                    statusCode: 400);
            }
            if (request["stream"]?.GetValue<bool>() == true)
                return Results.Json(new { error = new { message = "This model does not stream.", type = "invalid_request_error" } },
                    statusCode: 400);
            var turn = SandboxModel.Answer(request["messages"] as JsonArray ?? [], request["tools"] as JsonArray ?? []);
            var message = new JsonObject { ["role"] = "assistant", ["content"] = turn.Text };
            if (turn.Call is { } call)
                message["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["id"] = "call_" + Guid.NewGuid().ToString("N")[..12], ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments.ToJsonString() },
                });
            var promptTokens = Tokens(request["messages"]?.ToJsonString());
            var completionTokens = Tokens(turn.Text) + Tokens(turn.Call?.Arguments.ToJsonString());
            return Results.Json(new JsonObject
            {
                ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..16], ["object"] = "chat.completion",
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), ["model"] = request["model"]?.GetValue<string>() ?? "sandbox",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = message, ["finish_reason"] = turn.Call is null ? "stop" : "tool_calls",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens,
                    ["total_tokens"] = promptTokens + completionTokens,
                },
            });
        });
    }

    /// <summary>About four characters a token, as real models count English.</summary>
    private static int Tokens(string? text) => text is null ? 0 : Math.Max(1, text.Length / 4);
}
