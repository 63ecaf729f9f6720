using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Framework.Domain;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Customers;

public sealed class CustomerTests
{
    [Theory]
    [InlineData("+7 916 123-45-67", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "+79161234567")]
    [InlineData("9161234567", "+79161234567")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    public void Phones_Should_Be_Normalized_To_E164(string typed, string expected) =>
        ContactNormalizer.Phone(typed).ShouldBe(expected);

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("+7 000")]
    public void Invalid_Phones_Should_Be_Refused_With_A_Field(string typed)
    {
        var error = Should.Throw<BusinessException>(() => ContactNormalizer.Phone(typed));
        error.Code.ShouldBe("Customers:InvalidPhone");
        error.Details["field"].ShouldBe("phone");
    }

    [Fact]
    public void Emails_Should_Be_Trimmed_Lowercased_And_Validated()
    {
        ContactNormalizer.Email("  Anna.Petrova@Example.COM ").ShouldBe("anna.petrova@example.com");
        ContactNormalizer.Email(null).ShouldBeNull();
        Should.Throw<BusinessException>(() => ContactNormalizer.Email("anna@")).Code.ShouldBe("Customers:InvalidEmail");
        Should.Throw<BusinessException>(() => ContactNormalizer.Email("Anna <anna@example.com>")).Code.ShouldBe("Customers:InvalidEmail");
    }

    [Fact]
    public void A_New_Customer_Should_Raise_Created_And_Be_Visible_Only_To_Partners_With_A_View()
    {
        var partner = Guid.NewGuid();
        var customer = new Customer(Guid.NewGuid(), CustomerKind.Person, "  Анна Петрова ", "anna@example.com", null, partner);

        customer.Name.ShouldBe("Анна Петрова");
        customer.GetDistributedEvents().ShouldHaveSingleItem().ShouldBeOfType<CustomerCreatedEto>().PartnerId.ShouldBe(partner);
        customer.ViewOf(partner).ShouldBeNull();
        var view = customer.RecordPartnerContact(partner, "Anna", "anna@shop.example", null, DateTimeOffset.UtcNow);
        var stamp = view.Stamp;
        // The same details again write nothing; a new name is the partner's news, and a missing phone keeps none.
        customer.RecordPartnerContact(partner, "Anna", null, null, DateTimeOffset.UtcNow).ShouldBeSameAs(view);
        view.Stamp.ShouldBe(stamp);
        customer.RecordPartnerContact(partner, "Anna P.", null, "+79160000000", DateTimeOffset.UtcNow);
        view.Name.ShouldBe("Anna P.");
        view.Email.ShouldBe("anna@shop.example");
        view.Phone.ShouldBe("+79160000000");
        customer.ViewOf(Guid.NewGuid()).ShouldBeNull();
        customer.Name.ShouldBe("Анна Петрова");
    }

    [Fact]
    public void Only_People_Should_Belong_To_Companies()
    {
        var company = new Customer(Guid.NewGuid(), CustomerKind.Company, "ООО Ромашка", null, null, null);
        var person = new Customer(Guid.NewGuid(), CustomerKind.Person, "Ivan", null, null, null);

        person.SetCompany(company);
        person.CompanyId.ShouldBe(company.Id);
        Should.Throw<BusinessRuleValidationException>(() => company.SetCompany(person)).Code.ShouldBe("Customers:CompanyMustBeACompany");
        Should.Throw<BusinessRuleValidationException>(() => person.SetCompany(person));
    }

    [Fact]
    public void Tags_Should_Be_Normalized_And_Bounded()
    {
        var customer = new Customer(Guid.NewGuid(), CustomerKind.Person, "Ivan", null, null, null);

        customer.SetTags(["VIP", " vip ", "Wholesale", ""]);
        customer.Tags.ShouldBe(["vip", "wholesale"]);
        Should.Throw<BusinessRuleValidationException>(() => customer.SetTags([new string('x', 41)]));
        Should.Throw<BusinessRuleValidationException>(() => customer.SetTags(Enumerable.Range(0, 21).Select(i => "t" + i)));
    }

    [Fact]
    public void Absorbing_A_Duplicate_Should_Take_Its_Links_And_Mark_It_Merged()
    {
        var shop = Guid.NewGuid();
        var winner = new Customer(Guid.NewGuid(), CustomerKind.Person, "Anna", "anna@example.com", null, null);
        var loser = new Customer(Guid.NewGuid(), CustomerKind.Person, "Anna P.", null, "+79161234567", shop);
        loser.RecordPartnerContact(shop, "Anna P.", null, "+79161234567", DateTimeOffset.UtcNow).SetNotes("the shop's note");
        loser.SetTags(["vip"]);
        loser.SetNotes("Prefers calls");

        winner.Absorb(loser);

        winner.Phone.ShouldBe("+79161234567");
        winner.Tags.ShouldBe(["vip"]);
        winner.ViewOf(shop)!.Notes.ShouldBe("the shop's note");
        loser.PartnerViews.ShouldBeEmpty();
        winner.Notes.ShouldBe("Prefers calls");
        loser.MergedIntoId.ShouldBe(winner.Id);
        winner.GetDistributedEvents().OfType<CustomersMergedEto>().ShouldHaveSingleItem().LoserId.ShouldBe(loser.Id);
        Should.Throw<BusinessRuleValidationException>(() => winner.Absorb(loser)).Code.ShouldBe("Customers:InvalidMerge");
    }

    [Fact]
    public void Other_Contacts_Should_Skip_Primary_And_Repeats_And_Be_Bounded()
    {
        var customer = new Customer(Guid.NewGuid(), CustomerKind.Person, "Ivan", "ivan@home.test", "+79161234567", null);

        customer.SetOtherContacts([ContactPoint.Parse("IVAN@home.test"), ContactPoint.Parse("ivan@work.test", " work "),
            ContactPoint.Parse("8 916 123 45 67"), ContactPoint.Parse("ivan@work.test")]);

        customer.OtherContacts.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Value.ShouldBe("ivan@work.test"),
            c => c.Label.ShouldBe("work"));
        customer.HasContact(ContactKind.Email, "ivan@work.test").ShouldBeTrue();
        customer.AddContact(ContactPoint.Parse("ivan@work.test")).ShouldBeFalse();
        customer.SetContacts("ivan@work.test", customer.Phone);
        customer.OtherContacts.ShouldBeEmpty();
        Should.Throw<BusinessException>(() => customer.SetOtherContacts(Enumerable.Range(0,
            11).Select(i => ContactPoint.Parse($"i{i}@x.test"))))
            .Code.ShouldBe("Customers:TooManyContacts");
    }

    [Fact]
    public void Consent_Should_Record_Source_And_Time()
    {
        var customer = new Customer(Guid.NewGuid(), CustomerKind.Person, "Ivan", null, null, null);
        var at = DateTimeOffset.UtcNow;

        customer.SetMarketingConsent(true, "checkout form", at);

        customer.MarketingConsent.ShouldBeTrue();
        customer.ConsentSource.ShouldBe("checkout form");
        customer.ConsentChangedAt.ShouldBe(at);
    }
}
