namespace HyperCrm.Framework.Settings;

/// <summary>
/// A typed setting a module defines; admins edit it in Settings (or on the module's own settings page, when
/// <see cref="OwnPage"/>), secrets are stored encrypted.
/// </summary>
public sealed record SettingDefinition(
    string Name,
    string DefaultValue,
    string DisplayNameKey,
    Type LocalizationResource,
    SettingValueType Type = SettingValueType.Text,
    bool IsEncrypted = false,
    bool OwnPage = false);
