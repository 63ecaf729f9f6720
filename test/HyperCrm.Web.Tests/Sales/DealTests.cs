using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Sales;

public sealed partial class DealTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Partner_Deal_Should_Move_By_Stage_Name_And_Need_A_Reason_To_Be_Lost()
    {
        var client = Partner();
        var created = await client.PostAsJsonAsync("/api/v1/deals", new { title = "Corporate gifts", amount = 250000, currency = "RUB" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var deal = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = deal.GetProperty("id").GetGuid();
        deal.GetProperty("stageName").GetString().ShouldBe("Lead");
        deal.GetProperty("probability").GetInt32().ShouldBe(10);

        var moved = await (await client.PatchAsJsonAsync($"/api/v1/deals/{id}",
            new { stage = "proposal" })).Content.ReadFromJsonAsync<JsonElement>();
        moved.GetProperty("stageName").GetString().ShouldBe("Proposal");
        moved.GetProperty("probability").GetInt32().ShouldBe(60);

        var noReason = await client.PatchAsJsonAsync($"/api/v1/deals/{id}", new { stage = "Lost" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("Sales:LostReasonRequired");
        var unknown = await client.PatchAsJsonAsync($"/api/v1/deals/{id}", new { stage = "Heaven" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        var lost = await (await client.PatchAsJsonAsync($"/api/v1/deals/{id}", new { stage = "Lost",
            lostReason = "budget cut" })).Content.ReadFromJsonAsync<JsonElement>();
        lost.GetProperty("state").GetString().ShouldBe("lost");
        lost.GetProperty("lostReason").GetString().ShouldBe("budget cut");
    }

    [Fact]
    public async Task Dropping_A_Card_On_The_Board_Should_Save_The_Stage_At_Once()
    {
        var staff = await app.SignInAsync();
        var board = await staff.GetStringAsync("/Deals");
        var create = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Deals?handler=Create",
            new Dictionary<string, string> { ["title"] = "Board deal", ["amount"] = "1000" }, "/Deals");
        create.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.GetStringAsync(create.Headers.Location!.ToString());
        var card = CardOf("Board deal").Match(page);
        card.Success.ShouldBeTrue();
        var (id, stamp) = (card.Groups["id"].Value, card.Groups["stamp"].Value);
        var qualified = StageId("Qualified").Match(page).Groups["stage"].Value;
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);

        var request = new HttpRequestMessage(HttpMethod.Post, "/Deals?handler=Move")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["stageId"] = qualified, ["stamp"] = stamp }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await staff.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString().ShouldBe("Qualified");
        var reloaded = await staff.GetStringAsync("/Deals");
        var column = Regex.Match(reloaded, "data-testid=\"stage-Qualified\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        column.ShouldContain("Board deal");
        board.ShouldContain("data-testid=\"deal-board\"");

        var stale = new HttpRequestMessage(HttpMethod.Post, "/Deals?handler=Move")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id,
                ["stageId"] = StageId("Proposal").Match(page).Groups["stage"].Value, ["stamp"] = stamp }),
        };
        stale.Headers.Add("RequestVerificationToken", token);
        (await staff.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_Deal_Page_Should_Edit_Every_Field_Keep_Notes_And_Refuse_Bad_Input()
    {
        var id = (await (await Partner().PostAsJsonAsync("/api/v1/deals", new { title = "Office chairs",
            amount = 90000 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();
        var url = $"/Deals/Details?id={id}";
        var page = await staff.GetStringAsync(url);
        var proposal = Regex.Match(page, "<option value=\"(?<id>[^\"]+)\">Proposal</option>").Groups["id"].Value;
        var stamp = Regex.Match(page, "name=\"Input.ConcurrencyStamp\" value=\"(?<s>[^\"]+)\"").Groups["s"].Value;
        Dictionary<string, string> Form(string title, string amount, string stage, string stampValue) => new()
        {
            ["Input.Title"] = title, ["Input.Amount"] = amount, ["Input.Currency"] = "eur", ["Input.StageId"] = stage,
                ["Input.Probability"] = "55",
            ["Input.ExpectedClose"] = "2026-12-20", ["Input.OwnerId"] = "", ["Input.LostReason"] = "", ["Input.ConcurrencyStamp"] =
                stampValue,
        };

        var saved = await HyperCrmWebApplicationFactory.PostFormAsync(staff, url, Form("Office chairs x40", "120000", proposal, stamp));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var deal = await Partner().GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}");
        deal.GetProperty("title").GetString().ShouldBe("Office chairs x40");
        deal.GetProperty("amount").GetDecimal().ShouldBe(120000m);
        deal.GetProperty("currency").GetString().ShouldBe("EUR");
        deal.GetProperty("stageName").GetString().ShouldBe("Proposal");
        deal.GetProperty("probability").GetInt32().ShouldBe(55);
        deal.GetProperty("expectedClose").GetString().ShouldBe("2026-12-20");

        var stale = await HyperCrmWebApplicationFactory.PostFormAsync(staff, url, Form("Stale edit", "1", proposal, stamp));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("Someone else changed this deal");
        var bad = await HyperCrmWebApplicationFactory.PostFormAsync(staff, url, Form("", "-5", proposal,
            deal.GetProperty("concurrencyStamp").GetString()!));
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Partner().GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}")).GetProperty("title").GetString()
            .ShouldBe("Office chairs x40");

        var noted = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work/Notes",
            new Dictionary<string, string> { ["kind"] = "Deal", ["id"] = id.ToString(), ["text"] = "Wants delivery in January",
                ["returnUrl"] = url }, url);
        noted.Headers.Location!.ToString().ShouldBe(url);
        WebUtility.HtmlDecode(await staff.GetStringAsync(url)).ShouldContain("Wants delivery in January");
        var empty = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work/Notes",
            new Dictionary<string, string> { ["kind"] = "Deal", ["id"] = id.ToString(), ["text"] = " ",
                ["returnUrl"] = "//evil.test/" }, url);
        empty.Headers.Location!.ToString().ShouldBe("/");

        var support = await app.SignInAsStaffAsync("support@deal-page.test", HyperCrm.Framework.Security.HyperRoles.Support);
        (await support.GetAsync(url)).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_Partner_Should_Not_Set_A_Deals_Owner_Nor_Point_It_At_A_Customer_It_Cannot_See()
    {
        var stranger = app.CreatePartnerClient(await app.CreatePartnerKeyAsync("deal-stranger"));
        var theirs = (await (await stranger.PostAsJsonAsync("/api/v1/customers", new { name = "Their Customer",
            email = "theirs@deal.test" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mine = (await (await Partner().PostAsJsonAsync("/api/v1/customers", new { name = "My Customer", email = "mine@deal.test" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var owner = await Partner().PostAsJsonAsync("/api/v1/deals", new { title = "Owned", ownerId = Guid.NewGuid() });
        owner.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await owner.Content.ReadAsStringAsync()).ShouldContain("ownerId");
        var foreign = await Partner().PostAsJsonAsync("/api/v1/deals", new { title = "Foreign", customerId = theirs });
        foreign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("customerId");
        var made = await Partner().PostAsJsonAsync("/api/v1/deals", new { title = "Mine", customerId = mine });
        made.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Partner().PatchAsJsonAsync($"/api/v1/deals/{id}",
            new { customerId = theirs })).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Partner().GetFromJsonAsync<JsonElement>($"/api/v1/deals/{id}")).GetProperty("customerId").GetGuid().ShouldBe(mine);
    }

    [Fact]
    public async Task Another_Partner_Should_Not_Reach_The_Deal()
    {
        var id = (await (await Partner().PostAsJsonAsync("/api/v1/deals",
            new { title = "Secret deal" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var staff = await app.SignInAsync();
        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "hcrm_unknown-key-0000000000");

        (await other.PatchAsJsonAsync($"/api/v1/deals/{id}", new { stage = "Won" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await staff.GetStringAsync("/Deals")).ShouldContain("Secret deal");
    }

    [Fact]
    public async Task The_Deal_List_Should_Filter_By_Title_And_State()
    {
        var client = Partner();
        var won = (await (await client.PostAsJsonAsync("/api/v1/deals", new { title = "Listed Alpha",
            amount = 10 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync("/api/v1/deals", new { title = "Listed Beta", amount = 20 })).EnsureSuccessStatusCode();
        (await client.PatchAsJsonAsync($"/api/v1/deals/{won}", new { stage = "Won" })).EnsureSuccessStatusCode();
        var staff = await app.SignInAsync();

        var all = await staff.GetStringAsync("/Deals/List?filter=Listed");
        var onlyWon = await staff.GetStringAsync("/Deals/List?filter=Listed&state=Won");

        all.ShouldContain("Listed Alpha");
        all.ShouldContain("Listed Beta");
        onlyWon.ShouldContain("Listed Alpha");
        onlyWon.ShouldNotContain("Listed Beta");
    }

    [Fact]
    public async Task An_Admin_Should_Configure_A_Pipeline_And_Its_Board_Should_Follow()
    {
        var admin = await app.SignInAsync();

        var created = await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Deals/Pipelines?handler=Create",
            new Dictionary<string, string> { ["name"] = "Wholesale",
                ["stages"] = "Inquiry, 10\nSample sent, 40%\nContract, 80" }, "/Deals/Pipelines");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        HyperCrm.Sales.Deals.PipelineDto pipeline;
        await using (var scope = app.Services.CreateAsyncScope())
            pipeline = (await scope.ServiceProvider.GetRequiredService<HyperCrm.Sales.Deals.IDealAppService>().GetPipelinesAsync())
                .Single(p => p.Name == "Wholesale");
        pipeline.Stages.Select(s => s.Name).ShouldBe(["Inquiry", "Sample sent", "Contract", "Won", "Lost"]);
        pipeline.Stages[1].Probability.ShouldBe(40);

        (await HyperCrmWebApplicationFactory.PostFormAsync(admin, $"/Deals/Pipelines?handler=AddStage&pipelineId={pipeline.Id}",
            new Dictionary<string, string> { ["name"] = "Negotiation",
                ["probability"] = "90" }, "/Deals/Pipelines")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Deals/Pipelines?handler=ChangeStage&pipelineId={pipeline.Id}&stageId={pipeline.Stages[0].Id}",
            new Dictionary<string, string> { ["name"] = "Request",
                ["probability"] = "15" }, "/Deals/Pipelines")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var duplicate = await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Deals/Pipelines?handler=AddStage&pipelineId={pipeline.Id}",
            new Dictionary<string, string> { ["name"] = "contract", ["probability"] = "50" }, "/Deals/Pipelines");
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("already has a stage named");

        var board = await admin.GetStringAsync($"/Deals?pipelineId={pipeline.Id}");
        var columns = Regex.Matches(board, "data-testid=\"stage-([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        columns.ShouldBe(["Request", "Sample sent", "Contract", "Negotiation", "Won", "Lost"]);

        // Reorder: Negotiation one place up; remove "Sample sent", its deal moving to Contract.
        var deal = (await (await Partner().PostAsJsonAsync("/api/v1/deals", new { title = "Sampled deal", pipelineId = pipeline.Id,
            stage = "Sample sent" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var negotiation = await StagesAsync("Wholesale");
        (await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Deals/Pipelines?handler=MoveStage&pipelineId={pipeline.Id}&stageId={negotiation.Single(s => s.Name == "Negotiation").Id}",
            new Dictionary<string, string> { ["offset"] = "-1" }, "/Deals/Pipelines")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var contract = negotiation.Single(s => s.Name == "Contract").Id;
        (await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Deals/Pipelines?handler=RemoveStage&pipelineId={pipeline.Id}&stageId={pipeline.Stages[1].Id}",
            new Dictionary<string, string> { ["moveDealsTo"] = contract.ToString() }, "/Deals/Pipelines"))
                .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var removeWon = await HyperCrmWebApplicationFactory.PostFormAsync(admin,
            $"/Deals/Pipelines?handler=RemoveStage&pipelineId={pipeline.Id}&stageId={pipeline.Stages[3].Id}",
            new Dictionary<string, string> { ["moveDealsTo"] = contract.ToString() }, "/Deals/Pipelines");
        (await removeWon.Content.ReadAsStringAsync()).ShouldContain("Only open stages");

        (await StagesAsync("Wholesale")).Select(s => s.Name).ShouldBe(["Request", "Negotiation", "Contract", "Won", "Lost"]);
        var moved = await Partner().GetFromJsonAsync<JsonElement>($"/api/v1/deals/{deal}");
        moved.GetProperty("stageName").GetString().ShouldBe("Contract");
        moved.GetProperty("probability").GetInt32().ShouldBe(80);
    }

    private async Task<IReadOnlyList<HyperCrm.Sales.Deals.StageDto>> StagesAsync(string pipeline)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<HyperCrm.Sales.Deals.IDealAppService>().GetPipelinesAsync()).Single(p =>
            p.Name == pipeline).Stages;
    }

    private HttpClient Partner()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", HyperCrmWebApplicationFactory.PartnerKey);
        return client;
    }

    private static Regex CardOf(string title) =>
        new($"data-card data-id=\"(?<id>[^\"]+)\" data-stamp=\"(?<stamp>[^\"]+)\"[^>]*>\\s*<a " +
            $"class=\"fw-semibold[^>]*>{Regex.Escape(title)}<");

    private static Regex StageId(string name) =>
        new($"data-stage-id=\"(?<stage>[^\"]+)\" data-needs-reason=\"[a-z]+\" data-testid=\"stage-{name}\"");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
