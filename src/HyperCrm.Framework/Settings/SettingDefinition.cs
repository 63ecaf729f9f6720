namespace HyperCrm.Framework.Settings;

/// <summary>A typed setting a module defines; admins edit it in Settings, secrets are stored encrypted.</summary>
public sealed record SettingDefinition(
    string Name,
    string DefaultValue,
    string DisplayNameKey,
    Type LocalizationResource,
    SettingValueType Type = SettingValueType.Text,
    bool IsEncrypted = false);
