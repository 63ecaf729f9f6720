namespace HyperCrm.RazorUi.Components;

/// <summary>What the language switch draws: the current language and the page to come back to.</summary>
public sealed record LanguageSwitchModel(string Current, string ReturnUrl, bool Small)
{
    public string Link(string language) => $"/culture/{language}?returnUrl={Uri.EscapeDataString(ReturnUrl)}";
}
