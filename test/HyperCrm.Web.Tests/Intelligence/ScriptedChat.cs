using HyperCrm.Intelligence.Agents;
using Microsoft.Extensions.AI;

namespace HyperCrm.Web.Tests.Intelligence;

/// <summary>
/// A language model that answers from a script, turn by turn, and remembers what it was shown and offered: the stand-in for
/// an endpoint that cannot be reached here, for driving an agent through exactly the moves a test needs.
/// </summary>
public sealed class ScriptedChat(params Func<IReadOnlyList<ChatMessage>, ChatResponse>[] turns) : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, ChatResponse>> _turns = new(turns);

    /// <summary>Each turn asked: the conversation the model was given and the names of the tools it was offered.</summary>
    public List<(List<ChatMessage> Messages, List<string> Tools)> Asked { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var conversation = messages.ToList();
        Asked.Add((conversation, options?.Tools?.Select(t => AgentPrompt.ToolName(t.Name)).ToList() ?? []));
        if (!_turns.TryDequeue(out var turn)) throw new InvalidOperationException("The script has no more turns.");
        return Task.FromResult(turn(conversation));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    /// <summary>A turn that asks for one tool call.</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> Calls(string tool, Dictionary<string, object?> arguments) =>
        _ => Turn(new FunctionCallContent($"call-{Guid.NewGuid():N}"[..12], AgentPrompt.FunctionName(tool), arguments));

    /// <summary>A turn that answers in words (the agent's end).</summary>
    public static Func<IReadOnlyList<ChatMessage>, ChatResponse> Answers(string text) => _ => Turn(new TextContent(text));

    private static ChatResponse Turn(AIContent content) => new(new ChatMessage(ChatRole.Assistant, [content]))
    {
        Usage = new UsageDetails { InputTokenCount = 120, OutputTokenCount = 30, TotalTokenCount = 150 },
    };
}
