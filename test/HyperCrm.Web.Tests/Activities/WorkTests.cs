using System.Net;
using HyperCrm.Activities;
using HyperCrm.Activities.Data;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.TestBase;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace HyperCrm.Web.Tests.Activities;

public sealed class WorkTests(HyperCrmWebApplicationFactory app) : IClassFixture<HyperCrmWebApplicationFactory>
{
    [Fact]
    public async Task A_Task_Created_On_My_Work_Should_Be_Listed_Counted_And_Completed_Once()
    {
        var staff = await app.SignInAsync();

        var created = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work", new Dictionary<string, string>
        {
            ["Input.Title"] = "Call Anna back", ["Input.DueDate"] = "2026-01-05", ["Input.Priority"] = "High",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await staff.GetStringAsync("/Work");
        page.ShouldContain("Call Anna back");
        page.ShouldContain("table-danger");
        System.Text.RegularExpressions.Regex.IsMatch(page, "data-badge=\"Work.Tasks\">[1-9][0-9]*<").ShouldBeTrue();
        var id = await ScalarAsync(db => db.Tasks.Where(t => t.Title == "Call Anna back").Select(t => t.Id).SingleAsync());

        var done = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Work?handler=Complete&id={id}",
            new Dictionary<string, string>(), "/Work");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetStringAsync("/Work")).ShouldNotContain("Call Anna back");
        await using var scope = app.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>().Tasks.SingleAsync(t => t.Id == id))
            .Status.ShouldBe(WorkTaskStatus.Done);
    }

    [Fact]
    public async Task An_Approval_Should_Be_Decided_Once_Raise_An_Event_And_Refuse_Rejection_Without_Comment()
    {
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var integration = scope.ServiceProvider.GetRequiredService<IActivitiesIntegrationService>();
            id = await integration.RequestApprovalAsync(new RequestApprovalInput("Release order #1001 (fraud risk 0.82)",
                "3 orders in 10 minutes from new card",
                LinkKind.Order, Guid.NewGuid(), null, "rule: suspicious orders", CorrelationKey: "run-1:step-3"));
            (await integration.RequestApprovalAsync(new RequestApprovalInput("again", null, LinkKind.None, null, null, "rule",
                CorrelationKey: "run-1:step-3"))).ShouldBe(id);
        }
        var staff = await app.SignInAsync();
        (await staff.GetStringAsync("/Work/Approvals")).ShouldContain("Release order #1001");

        var rejectBare = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Work/Approvals?id={id}",
            new Dictionary<string, string> { ["approve"] = "false", ["comment"] = "" });
        (await rejectBare.Content.ReadAsStringAsync()).ShouldContain("Say why you reject it.");
        var approve = await HyperCrmWebApplicationFactory.PostFormAsync(staff, $"/Work/Approvals?id={id}",
            new Dictionary<string, string> { ["approve"] = "true", ["comment"] = "checked with the customer" });
        approve.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var check = app.Services.CreateAsyncScope();
        var approvals = check.ServiceProvider.GetRequiredService<IApprovalAppService>();
        (await Should.ThrowAsync<BusinessException>(() => approvals.DecideAsync(id, false,
            "changed my mind"))).Code.ShouldBe("Activities:AlreadyDecided");
        var db = check.ServiceProvider.GetRequiredService<ActivitiesDbContext>();
        var events = await db.Set<OutboxMessage>("activities.outbox_messages").Where(m => m.EventName == "activities.approval.decided")
            .ToListAsync();
        events.ShouldContain(m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal) && m.Payload.Contains("run-1:step-3",
            StringComparison.Ordinal));
        (await staff.GetStringAsync("/Work/Approvals")).ShouldNotContain("Release order #1001");
    }

    [Fact]
    public async Task A_Task_Given_To_Someone_Else_Should_Notify_Them()
    {
        var admin = await app.SignInAsync();
        var adminId = await IdOfAsync(HyperCrmWebApplicationFactory.AdminEmail);
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IActivitiesIntegrationService>().CreateTaskAsync(
                new CreateWorkTaskDto { Title = "Review VIP order", AssigneeId = adminId,
                    Priority = WorkTaskPriority.Urgent }, "rule: VIP orders");

        var notifications = await admin.GetStringAsync("/Work/Notifications");
        notifications.ShouldContain("New task: Review VIP order");
        (await admin.GetStringAsync("/")).ShouldContain("data-badge=\"Work.Notifications\"");

        await HyperCrmWebApplicationFactory.PostFormAsync(admin, "/Work/Notifications", new Dictionary<string, string>());
        (await admin.GetStringAsync("/")).ShouldNotContain("data-badge=\"Work.Notifications\"");
    }

    [Fact]
    public async Task A_Task_Started_From_An_Order_Should_Link_Back_To_It()
    {
        var staff = await app.SignInAsync();
        var orderId = Guid.NewGuid();

        var form = await staff.GetStringAsync($"/Work?orderId={orderId}");
        form.ShouldContain(orderId.ToString());
        var created = await HyperCrmWebApplicationFactory.PostFormAsync(staff, "/Work", new Dictionary<string, string>
        {
            ["Input.Title"] = "Check the parcel", ["Input.LinkKind"] = "Order", ["Input.LinkId"] = orderId.ToString(),
        }, $"/Work?orderId={orderId}");

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await staff.GetStringAsync("/Work")).ShouldContain($"/Orders/Details?id={orderId}");
    }

    private async Task<T> ScalarAsync<T>(Func<ActivitiesDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ActivitiesDbContext>());
    }

    private async Task<Guid> IdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HyperCrm.Identity.Data.IdentityDbContext>().Users.Where(u => u.Email == email)
            .Select(u => u.Id).SingleAsync();
    }
}
