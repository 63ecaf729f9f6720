using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.Framework.Localization;
using HyperCrm.TestBase;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>An installation in Russian (HYPERCRM_DEFAULT_CULTURE=ru) seeds its pipeline, playbook and catalog in Russian.</summary>
public sealed class RussianInstallationFixture : HyperCrmWebApplicationFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        [InstallationCulture.ConfigurationKey] = "ru",
    };
}

public sealed class RussianInstallationTests(RussianInstallationFixture app) : IClassFixture<RussianInstallationFixture>
{
    [Fact]
    public async Task Seeded_Data_Is_In_The_Installations_Language_And_Still_Works()
    {
        var partner = app.CreatePartnerClient();

        var products = await partner.GetFromJsonAsync<JsonElement>("/api/v1/products?filter=SKU-001");
        var deal = await (await partner.PostAsJsonAsync("/api/v1/deals", new { title = "Поставка кружек", amount = 10000m,
            currency = "RUB" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await using var scope = app.Services.CreateAsyncScope();
        var rules = await scope.ServiceProvider.GetRequiredService<IRuleAppService>().GetListAsync();

        products.GetProperty("items")[0].GetProperty("name").GetString().ShouldBe("Демо-товар 001");
        deal.GetProperty("stageName").GetString().ShouldBe("Лид");
        rules.Select(r => r.Name).ShouldContain("Заказы идут в ERP, на склад и курьеру");
        rules.Select(r => r.Name).ShouldContain("VIP-заказы: звонит менеджер клиента");
        rules.ShouldAllBe(r => r.ActiveVersion != null, "every playbook rule is published whatever its language");
    }

    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("RU ", "ru")]
    [InlineData("de", "en")]
    [InlineData(null, "en")]
    public void The_Installation_Language_Is_English_Unless_Russian_Is_Asked_For(string? configured, string expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [InstallationCulture.ConfigurationKey] = configured })
            .Build();

        InstallationCulture.Of(configuration).Name.ShouldBe(expected);
    }
}
