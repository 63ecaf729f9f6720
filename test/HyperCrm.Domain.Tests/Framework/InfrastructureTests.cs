using System.Globalization;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Outbox;
using HyperCrm.Framework.Scheduling;
using HyperCrm.Framework.Ui;
using HyperCrm.Identity;
using Shouldly;
using Xunit;

namespace HyperCrm.Domain.Tests.Framework;

public sealed class InfrastructureTests
{
    [Fact]
    public void RetryDelay_Should_Grow_Exponentially_Within_Jitter_And_Stay_Capped()
    {
        var options = new OutboxOptions { BaseRetryDelay = TimeSpan.FromSeconds(2), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        options.RetryDelay(1).TotalSeconds.ShouldBeInRange(1.6, 2.4);
        options.RetryDelay(3).TotalSeconds.ShouldBeInRange(6.4, 9.6);
        options.RetryDelay(30).TotalSeconds.ShouldBeInRange(48, 72);
    }

    [Fact]
    public void QuartzSchema_Should_Yield_Executable_Statements_For_Our_Schema()
    {
        var statements = QuartzSchema.CreateStatements();

        statements[0].ShouldBe("CREATE SCHEMA IF NOT EXISTS quartz");
        statements.ShouldContain(s => s.StartsWith("CREATE TABLE IF NOT EXISTS quartz.qrtz_triggers", StringComparison.Ordinal));
        statements.ShouldContain(s => s.StartsWith("CREATE TABLE IF NOT EXISTS quartz.qrtz_locks", StringComparison.Ordinal));
        statements.ShouldAllBe(s => !s.Contains("{0}") && !s.Contains("{1}") && !s.Contains("--;;"));
    }

    [Theory]
    [InlineData("/Customers?id=1", "/Customers?id=1")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\\\\evil.example", "/")]
    [InlineData("/ok\r\nSet-Cookie: x=1", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void Return_Urls_Should_Stay_On_This_Site(string? url, string expected) =>
        HyperCrm.Framework.Web.LocalUrl.OrHome(url).ShouldBe(expected);

    [Fact]
    public void Pager_Should_Compute_Pages_And_Keep_The_Filter_In_Links()
    {
        var pager = new PagerModel(2, 25, 51, "anna k");

        pager.PageCount.ShouldBe(3);
        pager.HasPrevious.ShouldBeTrue();
        pager.HasNext.ShouldBeTrue();
        pager.Link(3).ShouldBe("?page=3&filter=anna%20k");
        new PagerModel(1, 25, 0).PageCount.ShouldBe(1);
        new PagerModel(1, 25, 10_001, null, TotalIsLowerBound: true,
            ExtraQuery: "&status=OnHold").Link(2).ShouldBe("?page=2&status=OnHold");
        new PagerModel(1, 25, 10_001, null, TotalIsLowerBound: true).TotalText.ShouldEndWith("+");
    }

    [Fact]
    public void Localizer_Should_Serve_Russian_And_Fall_Back_To_Shared_Then_English()
    {
        var factory = new JsonStringLocalizerFactory();
        var identity = factory.Create(typeof(IdentityResource));
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ru-RU");
            identity["Menu:Users"].Value.ShouldBe("Пользователи");
            identity["Save"].Value.ShouldBe("Сохранить");
            identity["No:Such:Key"].ResourceNotFound.ShouldBeTrue();

            CultureInfo.CurrentUICulture = new CultureInfo("de-DE");
            identity["Menu:Users"].Value.ShouldBe("Users");
            identity["Save"].Value.ShouldBe("Save");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Every_Localization_Resource_Should_Have_The_Same_Keys_In_English_And_Russian()
    {
        var factory = new JsonStringLocalizerFactory();
        foreach (var resource in new[] { typeof(SharedResource), typeof(IdentityResource), typeof(HyperCrm.Web.HyperCrmResource) })
        {
            var localizer = factory.Create(resource);
            var previous = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo("en");
                var english = localizer.GetAllStrings(false).Select(s => s.Name).ToHashSet();
                CultureInfo.CurrentUICulture = new CultureInfo("ru");
                var russian = localizer.GetAllStrings(false).Select(s => s.Name).ToHashSet();
                english.ShouldNotBeEmpty();
                english.Except(russian).ShouldBeEmpty($"{resource.Name}: keys without Russian text");
                russian.Except(english).ShouldBeEmpty($"{resource.Name}: keys without English text");
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
