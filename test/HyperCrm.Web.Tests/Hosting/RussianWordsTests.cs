using System.Net;
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
        var order = await app.PlaceOrderAsync("russian-words-1", "russian.words@example.com", "Вера", "SKU-012");
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
