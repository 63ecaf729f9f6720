using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HyperCrm.Automation.Rules;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Hosting;

/// <summary>The words the system shows for its own states (who acted, circuit states, step kinds) follow the reader's language.</summary>
public sealed class RussianWordsTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task States_And_Actors_Read_In_Russian_For_A_Russian_Reader()
    {
        var order = await (await app.CreatePartnerClient().PostAsJsonAsync("/api/v1/orders", new
        {
            externalId = "russian-words-1", currency = "RUB", customer = new { email = "russian.words@example.com", name = "Вера" },
            shippingAddress = new { country = "RU", city = "Москва", line1 = "ул. Тверская, 1" }, paymentMethod = "card",
            lines = new[] { new { sku = "SKU-012", quantity = 1, unitPrice = 100m } },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();
        await staff.GetAsync("/culture/ru?returnUrl=%2F");

        var orderPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Orders/Details?id={orderId}"));
        var connectors = WebUtility.HtmlDecode(await staff.GetStringAsync("/Settings/Integrations"));
        var run = await Eventually.WaitForAsync(() => RunOfAsync(orderId), id => id is not null, TimeSpan.FromSeconds(60));
        var runPage = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Settings/Automation/Run?id={run}"));

        orderPage.ShouldContain("партнёр test-shop");
        orderPage.ShouldNotContain("Partner test-shop", Case.Sensitive);
        connectors.ShouldContain("работает");
        connectors.ShouldNotContain(">Closed<", Case.Sensitive);
        runPage.ShouldContain("условие");
        runPage.ShouldNotContain(" · condition", Case.Sensitive);
    }

    private async Task<Guid?> RunOfAsync(Guid orderId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<IRunAppService>()
            .GetListAsync(new GetRunListInput { SubjectId = orderId });
        return runs.Items.Count > 0 ? runs.Items[0].Id : null;
    }
}
