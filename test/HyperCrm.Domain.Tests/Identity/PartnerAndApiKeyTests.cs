using HyperCrm.Framework.Domain;
using HyperCrm.Identity.ApiKeys;
using HyperCrm.Identity.Application;
using HyperCrm.Identity.Domain.Partners;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Identity;

public sealed class PartnerAndApiKeyTests
{
    [Theory]
    [InlineData("demo-shop")]
    [InlineData("ozon2")]
    public void Partner_Should_Accept_Slug_Names(string name) =>
        new Partner(Guid.NewGuid(), name, "Shop").Name.ShouldBe(name);

    [Theory]
    [InlineData("Demo Shop")]
    [InlineData("-shop")]
    [InlineData("shop/../admin")]
    [InlineData("")]
    public void Partner_Should_Refuse_Names_That_Cannot_Appear_In_Urls(string name) =>
        Should.Throw<BusinessRuleValidationException>(() => new Partner(Guid.NewGuid(), name,
            "Shop")).Code.ShouldBe("Identity:PartnerNameFormat");

    [Fact]
    public void ApiKey_Should_Store_Only_A_Hash_And_A_Short_Prefix()
    {
        var plain = ApiKey.Generate();
        var key = new ApiKey(Guid.NewGuid(), Guid.NewGuid(), "production", plain, [ApiScopes.OrdersWrite, ApiScopes.OrdersRead,
            ApiScopes.OrdersRead]);

        plain.Length.ShouldBeGreaterThan(40);
        key.KeyHash.ShouldBe(ApiKey.Hash(plain));
        key.KeyHash.ShouldNotContain(plain);
        key.Prefix.ShouldBe(plain[..ApiKey.PrefixLength]);
        key.Scopes.ShouldBe([ApiScopes.OrdersRead, ApiScopes.OrdersWrite]);
        ApiKey.Generate().ShouldNotBe(plain);
    }

    [Fact]
    public void ApiKey_Should_Refuse_Unknown_Scopes_No_Scopes_And_Short_Keys()
    {
        Should.Throw<BusinessRuleValidationException>(() => new ApiKey(Guid.NewGuid(), Guid.NewGuid(), "k", ApiKey.Generate(),
            ["orders.delete"]))
            .Code.ShouldBe("Identity:UnknownApiScope");
        Should.Throw<BusinessRuleValidationException>(() => new ApiKey(Guid.NewGuid(), Guid.NewGuid(), "k", ApiKey.Generate(), []))
            .Code.ShouldBe("Identity:UnknownApiScope");
        Should.Throw<BusinessRuleValidationException>(() => new ApiKey(Guid.NewGuid(), Guid.NewGuid(), "k", "short",
            [ApiScopes.OrdersRead]))
            .Code.ShouldBe("Identity:ApiKeyTooShort");
    }

    [Fact]
    public void Revoke_Should_Record_When_And_Who_Once()
    {
        var key = new ApiKey(Guid.NewGuid(), Guid.NewGuid(), "k", ApiKey.Generate(), [ApiScopes.OrdersRead]);
        var admin = Guid.NewGuid();
        var first = DateTimeOffset.UtcNow;

        key.Revoke(first, admin);
        key.Revoke(first.AddHours(1), Guid.NewGuid());

        key.IsRevoked.ShouldBeTrue();
        key.RevokedTime.ShouldBe(first);
        key.RevokedBy.ShouldBe(admin);
    }

    [Fact]
    public void Bootstrap_Keys_Should_Parse_Pairs_And_The_Demo_Shorthand()
    {
        BootstrapApiKeysSeedContributor.Parse("shop-a:key-a-123456789012, shop-b:key:with:colons", "demo-key-1234567890").ToList()
            .ShouldBe([("demo-shop", "demo-key-1234567890"), ("shop-a", "key-a-123456789012"), ("shop-b", "key:with:colons")]);
        Should.Throw<InvalidOperationException>(() => BootstrapApiKeysSeedContributor.Parse("no-colon", null).ToList());
        BootstrapApiKeysSeedContributor.Parse(null, null).ShouldBeEmpty();
    }
}
