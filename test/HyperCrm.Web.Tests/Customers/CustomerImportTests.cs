using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Import;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Customers;

public sealed partial class CustomerImportTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    private const string Csv = "\uFEFFИмя;Телефон;E-mail;Теги\n"
                               + "Зоя Кошкина;+7 901 000-00-01;zoya@import.test;vip\n"
                               + "Yuri Gagarin;8 (901) 000-00-02;;pilot\n"
                               + "Existing One;;existing@import.test;\n"
                               + "Broken Phone;12;;\n"
                               + ";+7 901 000-00-03;;\n";

    [Fact]
    public async Task A_Csv_Should_Preview_Map_Import_In_The_Background_And_Report_Bad_Rows()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ICustomerAppService>().CreateAsync(new CreateCustomerDto { Name = "Existing One",
                Email = "existing@import.test" });
        var staff = await app.SignInAsync();

        var upload = await UploadAsync(staff, Csv);
        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync(upload.Headers.Location!.ToString()));
        page.ShouldContain("data-testid=\"import-preview\"");
        page.ShouldContain("Зоя Кошкина");
        Regex.IsMatch(page,
            "name=\"map\\[phone\\]\">\\s*<option value=\"-1\">—</option>\\s*<option value=\"0\">Имя</option>\\s*<option value=\"1\" " +
                "selected=\"selected\">").ShouldBeTrue();
        var id = Guid.Parse(Regex.Match(upload.Headers.Location!.ToString(), "id=([0-9a-f-]+)").Groups[1].Value);

        var start = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Customers/Import?handler=Start&id={id}",
            new Dictionary<string, string>
        {
            ["map[name]"] = "0", ["map[phone]"] = "1", ["map[email]"] = "2", ["map[tags]"] = "3", ["map[kind]"] = "-1", ["map[notes]"] =
                "-1",
        }, $"/Customers/Import?id={id}");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var done = await Eventually.WaitForAsync(() => ImportAsync(id), i => i.Status == ImportStatus.Completed);
        done.Status.ShouldBe(ImportStatus.Completed);
        (done.Created, done.Matched, done.Failed).ShouldBe((2, 1, 2));
        done.Errors.Select(e => e.Row).ShouldBe([4, 5]);
        done.Errors[0].Message.ShouldContain("not a valid phone number");
        var progress = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Customers/Import?handler=Progress&id={id}"));
        progress.ShouldContain("data-testid=\"import-report\"");
        progress.ShouldNotContain("hx-trigger");
        var zoya = WebUtility.HtmlDecode(await staff.GetStringAsync("/Customers?filter=" + Uri.EscapeDataString("Кошкина")));
        zoya.ShouldContain("+79010000001");
        zoya.ShouldContain("vip");

        (await UploadAsync(staff, "just one line without rows")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_Mapping_Without_A_Name_Or_Contact_Should_Be_Refused()
    {
        var staff = await app.SignInAsync();
        var upload = await UploadAsync(staff, "name,email\nA,a@import.test\n");
        var id = Regex.Match(upload.Headers.Location!.ToString(), "id=([0-9a-f-]+)").Groups[1].Value;

        var start = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Customers/Import?handler=Start&id={id}",
            new Dictionary<string, string>
        {
            ["map[name]"] = "0", ["map[email]"] = "-1",
        }, $"/Customers/Import?id={id}");

        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await start.Content.ReadAsStringAsync()).ShouldContain("Map a column to the name, and one to the email or the phone.");
        (await ImportAsync(Guid.Parse(id))).Status.ShouldBe(ImportStatus.Uploaded);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient staff, string csv)
    {
        var page = await staff.GetStringAsync("/Customers/Import");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "customers.csv");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await staff.PostAsync("/Customers/Import?handler=Upload", form);
    }

    private async Task<CustomerImportDto> ImportAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICustomerImportAppService>().GetAsync(id);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
