using System.ClientModel;
using HyperCrm.Framework.Settings;
using Microsoft.Extensions.AI;
using OpenAI;

namespace HyperCrm.Intelligence.Drafting;

/// <summary>
/// The OpenAI-compatible endpoint, model and key set in Settings → AI (the key decrypted only here, never logged); none
/// when the endpoint or the key is empty.
/// </summary>
public sealed class SettingsChatModelSource(ISettingManager settings) : IChatModelSource
{
    public async Task<ChatModel?> GetAsync(CancellationToken cancellationToken)
    {
        var endpoint = (await settings.GetAsync(IntelligenceSettingNames.LlmEndpoint, cancellationToken)).Trim();
        var key = await settings.GetAsync(IntelligenceSettingNames.LlmApiKey, cancellationToken);
        if (endpoint.Length == 0 || key.Length == 0 || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)) return null;
        var model = await settings.GetAsync(IntelligenceSettingNames.LlmModel, cancellationToken);
        var seconds = await settings.GetAsync<decimal>(IntelligenceSettingNames.LlmTimeoutSeconds, cancellationToken);
        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = uri }).GetChatClient(model)
            .AsIChatClient();
        return new ChatModel(client, model, TimeSpan.FromSeconds((double)Math.Clamp(seconds, 1, 120)));
    }
}
