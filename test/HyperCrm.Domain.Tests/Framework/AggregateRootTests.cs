using HyperCrm.Framework.Domain;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Framework;

public sealed class AggregateRootTests
{
    [Fact]
    public void Events_Should_Be_Collected_Separately_Until_Cleared()
    {
        var account = new Account(Guid.NewGuid());
        account.Deposit(10);

        account.GetLocalEvents().ShouldHaveSingleItem().ShouldBe(new Deposited(10));
        account.GetDistributedEvents().ShouldHaveSingleItem().ShouldBe(new BalanceChangedEto(account.Id, 10));

        account.ClearLocalEvents();
        account.ClearDistributedEvents();
        account.GetLocalEvents().ShouldBeEmpty();
        account.GetDistributedEvents().ShouldBeEmpty();
    }

    [Fact]
    public void CheckRule_Should_Throw_With_The_Rules_Code_When_Broken()
    {
        var account = new Account(Guid.NewGuid());

        var error = Should.Throw<BusinessRuleValidationException>(() => account.Withdraw(5));

        error.Code.ShouldBe("Test:InsufficientFunds");
        error.Message.ShouldBe("The balance 0 does not cover 5.");
        account.Balance.ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_NotNullOrWhiteSpace_Should_Refuse_Empty_Text(string? value) =>
        Should.Throw<ArgumentException>(() => Check.NotNullOrWhiteSpace(value, "name"));

    [Fact]
    public void Check_Should_Refuse_Too_Long_Text_And_Non_Positive_Numbers()
    {
        Should.Throw<ArgumentException>(() => Check.NotNullOrWhiteSpace("abcdef", "name",
            maxLength: 5)).Message.ShouldContain("5 characters");
        Should.Throw<ArgumentException>(() => Check.Positive(0m, "quantity"));
        Check.Positive(3, "quantity").ShouldBe(3);
    }

    private sealed record Deposited(decimal Amount);

    private sealed record BalanceChangedEto(Guid AccountId, decimal Balance);

    private sealed class Account(Guid id) : AggregateRoot<Guid>(id)
    {
        public decimal Balance { get; private set; }

        public void Deposit(decimal amount)
        {
            Balance += Check.Positive(amount);
            AddLocalEvent(new Deposited(amount));
            AddDistributedEvent(new BalanceChangedEto(Id, Balance));
        }

        public void Withdraw(decimal amount)
        {
            CheckRule(new FundsMustCoverRule(Balance, amount));
            Balance -= amount;
        }
    }

    private sealed class FundsMustCoverRule(decimal balance, decimal amount) : IBusinessRule
    {
        public string Code => "Test:InsufficientFunds";
        public string Message => $"The balance {balance} does not cover {amount}.";
        public bool IsBroken() => balance < amount;
    }
}
