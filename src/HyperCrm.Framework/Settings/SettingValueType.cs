namespace HyperCrm.Framework.Settings;

public enum SettingValueType
{
    Text,
    Number,
    Boolean,
}
