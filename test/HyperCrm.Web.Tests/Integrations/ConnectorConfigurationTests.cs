using HyperCrm.Framework.Domain;
using HyperCrm.Integrations.Connectors;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Integrations;

/// <summary>A deployment that points the SMS gateway by configuration (Connectors__sms__BaseUrl and the rest).</summary>
public sealed class ConfiguredConnectorFixture : HyperCrmWebApplicationFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Connectors:sms:BaseUrl"] = "https://sms.example.com/api/",
        ["Connectors:sms:UserName"] = "crm-sender",
        ["Connectors:sms:Secret"] = "sms-token-from-the-vault",
        ["Connectors:sms:TimeoutSeconds"] = "7",
    };
}

/// <summary>
/// Connector addresses from configuration: they win over the database, the admin page shows where they come from and
/// does not pretend it can change them, and the secret is used but never shown.
/// </summary>
public sealed class ConnectorConfigurationTests(ConfiguredConnectorFixture app) : IClassFixture<ConfiguredConnectorFixture>
{
    [Fact]
    public async Task A_Connector_Set_By_Configuration_Should_Be_Used_Shown_As_Such_And_Not_Editable()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connectors = scope.ServiceProvider.GetRequiredService<IConnectorAppService>();

        var sms = await connectors.GetAsync("sms");
        var config = await app.Services.GetRequiredService<ConnectorSettingsProvider>().GetAsync("sms", CancellationToken.None);
        var refused = await Should.ThrowAsync<BusinessException>(() => connectors.UpdateAsync("sms", new UpdateConnectorDto
        {
            BaseUrl = "https://elsewhere.example.com", TimeoutSeconds = 10,
        }));
        var admin = await app.SignInAsync();
        var list = await admin.GetStringAsync("/Settings/Integrations");
        var edit = await admin.GetStringAsync("/Settings/Integrations/Edit?name=sms");

        sms.BaseUrl.ShouldBe("https://sms.example.com/api");
        sms.UserName.ShouldBe("crm-sender");
        sms.HasSecret.ShouldBeTrue();
        sms.TimeoutSeconds.ShouldBe(7);
        sms.FromConfiguration.ShouldBeTrue();
        config.Secret.ShouldBe("sms-token-from-the-vault");
        refused.Code.ShouldBe("Integrations:ConnectorFromConfiguration");
        (await connectors.GetAsync("erp")).FromConfiguration.ShouldBeFalse();
        list.ShouldContain("from configuration");
        edit.ShouldContain("data-testid=\"connector-from-configuration\"");
        edit.ShouldContain("Connectors__sms__BaseUrl");
        edit.ShouldNotContain("sms-token-from-the-vault");
    }
}
