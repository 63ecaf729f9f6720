using System.Globalization;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Settings;
using HyperCrm.Identity.Audit;

namespace HyperCrm.Intelligence.Application;

public sealed class LlmSettingsAppService(ISettingManager settings, ISecurityAuditLogger audit) : ILlmSettingsAppService
{
    public async Task<LlmSettingsDto> GetAsync(CancellationToken cancellationToken = default) => new()
    {
        Endpoint = await settings.GetAsync(IntelligenceSettingNames.LlmEndpoint, cancellationToken),
        Model = await settings.GetAsync(IntelligenceSettingNames.LlmModel, cancellationToken),
        KeySet = (await settings.GetAsync(IntelligenceSettingNames.LlmApiKey, cancellationToken)).Length > 0,
        TimeoutSeconds = (int)await settings.GetAsync<decimal>(IntelligenceSettingNames.LlmTimeoutSeconds, cancellationToken),
    };

    public async Task SaveAsync(LlmSettingsDto input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var endpoint = input.Endpoint?.Trim() ?? string.Empty;
        var errors = new Dictionary<string, string[]>();
        if (endpoint.Length > 0 && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            errors[nameof(input.Endpoint)] = ["The endpoint must be an http(s) address, or empty for templates only."];
        if (string.IsNullOrWhiteSpace(input.Model) || input.Model.Trim().Length > 100)
            errors[nameof(input.Model)] = ["Name the model (up to 100 characters)."];
        if (input.TimeoutSeconds is < 1 or > 120) errors[nameof(input.TimeoutSeconds)] = ["The timeout is 1 to 120 seconds."];
        if (input.ApiKey is { Length: > 500 }) errors[nameof(input.ApiKey)] = ["The key is too long."];
        if (errors.Count > 0) throw BusinessException.ForFields("Intelligence:InvalidLlmSettings", "Some settings are not valid.", errors);
        await settings.SetAsync(IntelligenceSettingNames.LlmEndpoint, endpoint, cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.LlmModel, input.Model.Trim(), cancellationToken);
        await settings.SetAsync(IntelligenceSettingNames.LlmTimeoutSeconds, input.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            cancellationToken);
        var key = input.ClearKey ? "cleared" : input.ApiKey is { Length: > 0 } ? "changed" : "kept";
        if (input.ClearKey) await settings.SetAsync(IntelligenceSettingNames.LlmApiKey, string.Empty, cancellationToken);
        else if (input.ApiKey is { Length: > 0 } secret) await settings.SetAsync(IntelligenceSettingNames.LlmApiKey, secret.Trim(),
            cancellationToken);
        await audit.LogAsync("ai.llm.settings", true, "drafting",
            $"endpoint '{endpoint}', model '{input.Model.Trim()}', timeout {input.TimeoutSeconds} s, key {key}", cancellationToken);
    }
}
