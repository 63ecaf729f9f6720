using System.Net;
using HyperCrm.Customers;
using HyperCrm.Framework.Hosting;
using HyperCrm.Framework.Security;
using HyperCrm.Identity.Roles;
using HyperCrm.TestBase;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Identity;

public sealed class RoleDefaultsTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task Sales_And_Support_Should_Start_With_What_Their_Work_Needs()
    {
        var sales = await app.SignInAsStaffAsync("seller@roles.test", HyperRoles.Sales);
        var support = await app.SignInAsStaffAsync("helper@roles.test", HyperRoles.Support);

        (await sales.GetAsync("/Customers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync("/Deals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync("/Work")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sales.GetAsync("/Identity/Users")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await sales.GetAsync("/Deals/Pipelines")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        (await support.GetAsync("/Orders")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync("/Work/Approvals")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await support.GetAsync("/Deals")).Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_Default_Grant_An_Admin_Revoked_Should_Stay_Revoked_After_Restart_Seeding()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<IRoleAppService>();
        var granted = (await roles.GetPermissionsAsync(HyperRoles.Sales)).SelectMany(g => g.Permissions).Where(p => p.IsGranted)
            .Select(p => p.Name).ToList();
        granted.ShouldContain(CustomersPermissions.Export);

        await roles.SetPermissionsAsync(HyperRoles.Sales, granted.Where(p => p != CustomersPermissions.Export).ToList());
        await app.Services.GetRequiredService<DataSeeder>().SeedAsync(CancellationToken.None);

        (await roles.GetPermissionsAsync(HyperRoles.Sales)).SelectMany(g => g.Permissions).Single(p =>
            p.Name == CustomersPermissions.Export).IsGranted.ShouldBeFalse();
    }
}
