using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Settings;

namespace HyperCrm.Application.Tests.Identity;

/// <summary>Registered by the test module host through DI: a secret and a number, as a connector would define.</summary>
public sealed class SecretSettingProvider : ISettingDefinitionProvider
{
    public const string Name = "Testing.ConnectorKey";
    public const string Retries = "Testing.Retries";

    public void Define(SettingDefinitionContext context) =>
        context.Add(new SettingDefinition(Name, string.Empty, "Setting:ConnectorKey", typeof(SharedResource), IsEncrypted: true))
            .Add(new SettingDefinition(Retries, "3", "Setting:Retries", typeof(SharedResource), SettingValueType.Number));
}
