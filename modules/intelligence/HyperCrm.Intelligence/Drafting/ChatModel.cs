using Microsoft.Extensions.AI;

namespace HyperCrm.Intelligence.Drafting;

/// <summary>The language model drafts are asked of: a chat client, its model's name and how long it may take.</summary>
public sealed record ChatModel(IChatClient Client, string Name, TimeSpan Timeout);
