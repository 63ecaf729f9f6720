using System.Globalization;
using System.Text;
using System.Text.Json;
using HyperCrm.Customers;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Data;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Outbox;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Application.Tests.Customers;

public sealed class CustomersHostFixture : PostgresDatabaseFixture
{
    public ModuleTestHost Host { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Host = await ModuleTestHost.StartAsync<CustomersModule>(ConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class CustomerServiceTests(CustomersHostFixture fixture) : IClassFixture<CustomersHostFixture>
{
    private ModuleTestHost Host => fixture.Host;

    [Fact]
    public async Task Creating_With_A_Taken_Email_Should_Be_A_Conflict_Naming_The_Existing_Customer()
    {
        var first = await CreateAsync(new CreateCustomerDto { Name = "Olga", Email = "olga@dup.test" });

        var error = await Should.ThrowAsync<BusinessException>(() => CreateAsync(new CreateCustomerDto { Name = "Olga 2",
            Email = "OLGA@dup.test" }));

        error.Code.ShouldBe("Customers:DuplicateContact");
        error.Details["existingCustomerId"].ShouldBe(first.Id);
        (await CountAsync(c => c.Email == "olga@dup.test")).ShouldBe(1);
    }

    [Fact]
    public async Task Matching_Should_Find_By_Email_Then_By_Phone_Only_Where_An_Email_Is_Missing_Else_Create_And_Flag()
    {
        var shop = Guid.NewGuid();
        var existing = await CreateAsync(new CreateCustomerDto { Name = "Pavel", Email = "pavel@match.test", Phone = "+7 903 111-22-33" });
        var phoneOnly = await CreateAsync(new CreateCustomerDto { Name = "Vera", Phone = "+7 903 999-00-11" });

        var byEmail = await MatchAsync(new MatchCustomerInput("Pavel S", "Pavel@Match.test", null, shop, "test"));
        var byPhoneNoEmail = await MatchAsync(new MatchCustomerInput("Pavel S", null, "8 903 111 22 33", null, "test"));
        var byPhoneTheirsHasNoEmail = await MatchAsync(new MatchCustomerInput("Vera V", "vera@match.test", "8 903 999 00 11", null,
            "test"));
        // The same phone with another email: two people until staff say otherwise.
        var sharedPhone = await MatchAsync(new MatchCustomerInput("Pavel's wife", "other@match.test", "8 903 111 22 33", shop, "test"));
        var created = await MatchAsync(new MatchCustomerInput("Nina", null, "+7 926 000-00-01", shop, "web shop"));

        byEmail.ShouldBe(new CustomerMatchDto(existing.Id, false, "email"));
        byPhoneNoEmail.ShouldBe(new CustomerMatchDto(existing.Id, false, "phone"));
        byPhoneTheirsHasNoEmail.ShouldBe(new CustomerMatchDto(phoneOnly.Id, false, "phone"));
        sharedPhone.Created.ShouldBeTrue();
        sharedPhone.CustomerId.ShouldNotBe(existing.Id);
        (await GetAsync(sharedPhone.CustomerId)).PossibleDuplicateOfId.ShouldBe(existing.Id);
        (await GetAsync(existing.Id)).Email.ShouldBe("pavel@match.test");
        created.Created.ShouldBeTrue();
        await Host.InScopeAsync(async sp =>
        {
            var partners = sp.GetRequiredService<IPartnerCustomerAppService>();
            (await partners.GetAsync(existing.Id, shop)).Name.ShouldBe("Pavel S");
            (await partners.GetAsync(created.CustomerId, shop)).Phone.ShouldBe("+79260000001");
            await Should.ThrowAsync<EntityNotFoundException>(() => partners.GetAsync(created.CustomerId, Guid.NewGuid()));
        });
        (await Should.ThrowAsync<BusinessException>(() => MatchAsync(new MatchCustomerInput("Nobody", null, null, shop,
            "test")))).Code.ShouldBe("Customers:ContactRequired");
    }

    [Fact]
    public async Task A_Partner_Should_See_Only_What_It_Sent_Never_Staff_Fields_Or_Another_Partners_Data()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var third = Guid.NewGuid();
        var mine = await Host.InScopeAsync(sp => sp.GetRequiredService<IPartnerCustomerAppService>()
            .CreateAsync(new CreateCustomerDto { Name = "Irina", Email = "irina@iso.test", Phone = "+7 903 100-00-01",
                Notes = "first partner's note" }, first));
        // Staff keep their own notes and tags on the customer.
        await UpdateAsync(mine.Id, new UpdateCustomerDto { Notes = "staff only: difficult", Tags = ["vip"] });

        // The second partner knows only the email: its order is matched to Irina, and it gets a view of what it sent.
        var match = await MatchAsync(new MatchCustomerInput("I. Smirnova", "IRINA@iso.test", null, second, "order"));
        match.CustomerId.ShouldBe(mine.Id);

        await Host.InScopeAsync(async sp =>
        {
            var partners = sp.GetRequiredService<IPartnerCustomerAppService>();
            var seen = await partners.GetAsync(mine.Id, second);
            seen.Name.ShouldBe("I. Smirnova");
            seen.Phone.ShouldBeNull();
            seen.Notes.ShouldBeNull();

            // Its PATCH changes its own view only.
            await partners.UpdateAsync(mine.Id, new UpdateCustomerDto { Notes = "second partner's note", Name = "Hijacked" }, second);
            var firstView = await partners.GetAsync(mine.Id, first);
            firstView.Notes.ShouldBe("first partner's note");
            firstView.Name.ShouldBe("Irina");
            firstView.Phone.ShouldBe("+79031000001");

            // Staff fields are refused, each named.
            var refused = await Should.ThrowAsync<BusinessException>(() =>
                partners.UpdateAsync(mine.Id, new UpdateCustomerDto { Tags = ["vip"], OwnerId = Guid.NewGuid(), ConsentSource = "forged" },
                    second));
            refused.Code.ShouldBe("Customers:StaffFieldsRefused");
            ((IDictionary<string, string[]>)refused.Details["errors"]!).Keys.ShouldBe(["ownerId", "tags", "consentSource"],
                ignoreOrder: true);

            // Creating a customer with a known email links it instead of naming someone else's record.
            var again = await partners.CreateAsync(new CreateCustomerDto { Name = "Irina S", Email = "irina@iso.test" }, third);
            again.Id.ShouldBe(mine.Id);
            again.Notes.ShouldBeNull();
            // For the partner that has it already, a conflict naming the id it can see.
            var duplicate = await Should.ThrowAsync<BusinessException>(() => partners.CreateAsync(new CreateCustomerDto { Name = "Irina",
                Email = "irina@iso.test" }, first));
            duplicate.Code.ShouldBe("Customers:DuplicateContact");
            duplicate.Details["existingCustomerId"].ShouldBe(mine.Id);
        });
        var staff = await GetAsync(mine.Id);
        staff.Notes.ShouldBe("staff only: difficult");
        staff.Name.ShouldBe("Irina");
        staff.Tags.ShouldBe(["vip"]);
        staff.PartnerViews.Select(v => v.PartnerId).ShouldBe([first, second, third], ignoreOrder: true);
    }

    [Fact]
    public async Task Search_Should_Find_By_Name_Part_And_By_Phone_In_Any_Format()
    {
        await CreateAsync(new CreateCustomerDto { Name = "Евгения Лебедева", Phone = "+7 915 765-43-21", Tags = ["vip"] });

        var byName = await ListAsync(new GetCustomerListInput { Filter = "лебед" });
        var byPhone = await ListAsync(new GetCustomerListInput { Filter = "8 (915) 765 43 21" });
        var byTag = await ListAsync(new GetCustomerListInput { Filter = "Евгения", Tag = "VIP" });

        byName.Items.ShouldHaveSingleItem().Name.ShouldBe("Евгения Лебедева");
        byPhone.Items.ShouldHaveSingleItem().Phone.ShouldBe("+79157654321");
        byTag.TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task Search_Wildcards_Should_Match_Themselves_Not_Everything()
    {
        await CreateAsync(new CreateCustomerDto { Name = "Discount 50% Club" });
        await CreateAsync(new CreateCustomerDto { Name = "Under_score Ltd" });

        (await ListAsync(new GetCustomerListInput { Filter = "%" })).Items.ShouldHaveSingleItem().Name.ShouldBe("Discount 50% Club");
        (await ListAsync(new GetCustomerListInput { Filter = "_" })).Items.ShouldHaveSingleItem().Name.ShouldBe("Under_score Ltd");
        (await ListAsync(new GetCustomerListInput { Filter = "\\" })).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Merging_Should_Keep_History_And_Redirect_The_Loser()
    {
        var shop = Guid.NewGuid();
        var winner = await CreateAsync(new CreateCustomerDto { Name = "Mark", Email = "mark@merge.test" });
        var loser = await CreateAsync(new CreateCustomerDto { Name = "Mark T.", Phone = "+7 917 555-00-11", Tags = ["wholesale"] });
        await MatchAsync(new MatchCustomerInput("Mark T.", null, "+7 917 555-00-11", shop, "order"));

        await Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().MergeAsync(winner.Id, loser.Id));

        await Host.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ICustomerAppService>();
            var merged = await service.GetAsync(winner.Id);
            merged.Phone.ShouldBe("+79175550011");
            (await sp.GetRequiredService<IPartnerCustomerAppService>().GetAsync(winner.Id, shop)).Name.ShouldBe("Mark T.");
            merged.Tags.ShouldBe(["wholesale"]);
            (await service.GetAsync(loser.Id)).MergedIntoId.ShouldBe(winner.Id);
            var history = await sp.GetRequiredService<ICustomerTimelineAppService>().GetAsync(winner.Id);
            history.Select(h => h.Kind).ShouldBe(["customer.merged", "customer.created", "customer.created"], ignoreOrder: true);
            (await service.GetListAsync(new GetCustomerListInput { Filter = "Mark" })).Items.ShouldHaveSingleItem().Id.ShouldBe(winner.Id);
        });
    }

    [Fact]
    public async Task Other_Emails_And_Phones_Should_Be_Matched_Searched_Kept_Unique_And_Moved_By_A_Merge()
    {
        var anna = await CreateAsync(new CreateCustomerDto
        {
            Name = "Anna Other", Email = "anna@home.test",
            OtherContacts = [new(ContactKind.Email, "Anna@Work.test", "work"), new(ContactKind.Phone, "8 (916) 200-30-40", "mobile")],
        });
        anna.OtherContacts.ShouldBe([new ContactPointDto(ContactKind.Email, "anna@work.test", "work"),
            new ContactPointDto(ContactKind.Phone, "+79162003040", "mobile")]);

        (await MatchAsync(new MatchCustomerInput("A.", "anna@work.test", null, null, "test"))).ShouldBe(new CustomerMatchDto(anna.Id, false,
            "email"));
        (await MatchAsync(new MatchCustomerInput("A.", null, "+7 916 200 30 40", null, "test"))).ShouldBe(new CustomerMatchDto(anna.Id,
            false, "phone"));
        (await ListAsync(new GetCustomerListInput { Filter = "89162003040" })).Items.ShouldHaveSingleItem().Id.ShouldBe(anna.Id);
        (await ListAsync(new GetCustomerListInput { Filter = "ANNA@work.test" })).Items.ShouldHaveSingleItem().Id.ShouldBe(anna.Id);

        var taken = await Should.ThrowAsync<BusinessException>(() => CreateAsync(new CreateCustomerDto { Name = "Thief",
            Phone = "+79162003040" }));
        taken.Code.ShouldBe("Customers:DuplicateContact");
        taken.Details["existingCustomerId"].ShouldBe(anna.Id);
        (await Should.ThrowAsync<BusinessException>(() => CreateAsync(new CreateCustomerDto { Name = "Bad",
            OtherContacts = [new(ContactKind.Phone, "12")] }))).Code.ShouldBe("Customers:InvalidPhone");

        // A known customer writing from a new phone: matched by email, and the phone is remembered.
        (await MatchAsync(new MatchCustomerInput("A.", "anna@home.test", "+7 926 777-88-99", null, "test"))).CustomerId.ShouldBe(anna.Id);

        var duplicate = await CreateAsync(new CreateCustomerDto { Name = "Anna O.", Email = "anna.o@mail.test",
            Phone = "+7 903 400-50-60" });
        await Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().MergeAsync(anna.Id, duplicate.Id));

        var merged = await Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().GetAsync(anna.Id));
        merged.Phone.ShouldBe("+79267778899");
        merged.OtherContacts.Select(c => c.Value).ShouldBe(["anna@work.test", "+79162003040", "anna.o@mail.test", "+79034005060"],
            ignoreOrder: true);
        (await MatchAsync(new MatchCustomerInput("?", "anna.o@mail.test", null, null, "test"))).CustomerId.ShouldBe(anna.Id);
    }

    [Fact]
    public async Task A_Stale_Update_Should_Fail_And_Change_Nothing()
    {
        var customer = await CreateAsync(new CreateCustomerDto { Name = "Lena" });
        await UpdateAsync(customer.Id, new UpdateCustomerDto { Name = "Lena K", ConcurrencyStamp = customer.ConcurrencyStamp });

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => UpdateAsync(customer.Id, new UpdateCustomerDto { Name = "Lena Old",
            ConcurrencyStamp = customer.ConcurrencyStamp }));

        (await Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().GetAsync(customer.Id))).Name.ShouldBe("Lena K");
    }

    [Fact]
    public async Task Timeline_Events_From_Any_Module_Should_Appear_Once()
    {
        var customer = await CreateAsync(new CreateCustomerDto { Name = "Timur" });
        var eventId = Guid.CreateVersion7();
        var entry = new TimelineEventEto(customer.Id, DateTimeOffset.UtcNow, "sales", "order.created",
            HyperCrm.Framework.Localization.Message.Of("Sales:Timeline:OrderPlaced", ("number", 1001), ("total", 10m), ("currency", "RUB")),
            ActorKind.Partner, "demo-shop", HyperCrm.Framework.Localization.Message.Verbatim("web shop checkout"));
        await Host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CustomersDbContext>();
            for (var i = 0; i < 2; i++)
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    INSERT INTO customers.outbox_messages (id, event_name, payload, occurred_at, attempts, next_attempt_at)
                    VALUES ({(i == 0 ? eventId : Guid.CreateVersion7())}, 'customers.timeline.entry',
                            {JsonSerializer.Serialize(entry, OutboxJson.Options)}::jsonb, now(), 0, now())
                    """);
                if (i == 0) sp.GetRequiredService<OutboxSignal>().Notify();
            }
        });

        var history = await Eventually.WaitForAsync(
            () => Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerTimelineAppService>().GetAsync(customer.Id)),
            h => h.Count(e => e.Kind == "order.created") >= 2);

        var order = history.Where(e => e.Kind == "order.created").ToList();
        order.Count.ShouldBe(2);
        order[0].Actor.ShouldBe(ActorKind.Partner);
        order[0].Reason.ShouldBe("web shop checkout");
    }

    [Theory]
    [InlineData("en", ",")]
    [InlineData("ru", ";")]
    public async Task Csv_Export_Should_Hold_The_Filtered_Customers_In_The_Readers_Culture_And_Defuse_Formulas(string language,
        string separator)
    {
        await CreateAsync(new CreateCustomerDto { Name = "=HYPERLINK(\"x\")", Email = $"csv-{language}@export.test",
            Tags = ["export-" + language] });
        var culture = new CultureInfo(language);

        using var output = new MemoryStream();
        await Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>()
            .WriteCsvAsync(new GetCustomerListInput { Tag = "export-" + language }, output, culture));

        var bytes = output.ToArray();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a BOM, so Excel reads UTF-8");
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].TrimEnd('\r').ShouldBe(string.Join(separator, "id", "kind", "name", "email", "phone", "company", "tags", "created (UTC)"));
        lines.Length.ShouldBe(2);
        lines[1].ShouldContain("'=HYPERLINK");
        lines[1].ShouldContain($"csv-{language}@export.test");
        lines[1].ShouldContain(DateTime.UtcNow.ToString("d", culture));
    }

    private Task<CustomerDto> CreateAsync(CreateCustomerDto input) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().CreateAsync(input));

    private Task<CustomerDto> GetAsync(Guid id) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().GetAsync(id));

    private Task<CustomerDto> UpdateAsync(Guid id, UpdateCustomerDto input) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().UpdateAsync(id, input));

    private Task<CustomerMatchDto> MatchAsync(MatchCustomerInput input) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerIntegrationService>().MatchOrCreateAsync(input));

    private Task<HyperCrm.Framework.Application.PagedResultDto<CustomerListItemDto>> ListAsync(GetCustomerListInput input) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<ICustomerAppService>().GetListAsync(input));

    private Task<int> CountAsync(System.Linq.Expressions.Expression<Func<HyperCrm.Customers.Domain.Customers.Customer, bool>> predicate) =>
        Host.InScopeAsync(sp => sp.GetRequiredService<CustomersDbContext>().Customers.CountAsync(predicate));
}
