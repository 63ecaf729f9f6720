using System.ComponentModel;
using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Framework.Web;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Orders;
using ModelContextProtocol.Server;

namespace HyperCrm.Activities.Web.Mcp;

/// <summary>
/// Tasks and notes for outside assistants over MCP, staff only: written as the person whose token it is (their name on the
/// timeline), about a customer, order or deal that exists — an id that names nothing is refused, not stored.
/// </summary>
[McpServerToolType]
public sealed class ActivityMcpTools(IWorkTaskAppService tasks, INoteAppService notes, ICustomerIntegrationService customers,
    IOrderIntegrationService orders, IDealAppService deals, ICurrentUser currentUser, TimeProvider clock)
{
    [McpServerTool(Name = "create_task", Destructive = false)]
    [Description("Creates a task for a person (you, when no assignee is given), about a customer, an order or a deal.")]
    [McpAccess(ActivitiesPermissions.Tasks)]
    public async Task<WorkTaskDto> CreateTaskAsync([Description("what to do (1–200 characters)")] string title,
        [Description("details (up to 2000 characters)")] string? description = null,
        [Description("low, normal, high or urgent (default normal)")] string? priority = null,
        [Description("due this many days from today (0–365)")] int? dueInDays = null,
        [Description("the user id of who does it; empty: you")] Guid? assigneeId = null,
        [Description("the customer it is about")] Guid? customerId = null, [Description("the order it is about")] Guid? orderId = null,
        [Description("the deal it is about")] Guid? dealId = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 200)
            throw new BusinessException("Activities:TaskTitle", "'title' must hold 1 to 200 characters.");
        if (description?.Length > 2000) throw new BusinessException("Activities:TaskDescription",
            "'description' holds 2000 characters at most.");
        if (dueInDays is < 0 or > 365) throw new BusinessException("Activities:TaskDue", "'dueInDays' must be 0 to 365.");
        var level = priority is null ? WorkTaskPriority.Normal
            : Enum.TryParse<WorkTaskPriority>(priority, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new BusinessException("Activities:TaskPriority", $"'{priority}' is not a priority: low, normal, high or urgent.");
        var (kind, link, customer) = await SubjectAsync(customerId, orderId, dealId, required: false, cancellationToken);
        return await tasks.CreateAsync(new CreateWorkTaskDto
        {
            Title = title.Trim(), Description = description, Priority = level, AssigneeId = assigneeId ?? currentUser.Id, LinkKind = kind,
                LinkId = link,
            CustomerId = customer,
            DueDate = dueInDays is { } days ? DateOnly.FromDateTime(clock.GetUtcNow().AddDays(days).UtcDateTime) : null,
        }, cancellationToken);
    }

    [McpServerTool(Name = "add_note", Destructive = false)]
    [Description("Adds a note to a customer, an order or a deal (exactly one of them), signed with your name.")]
    [McpAccess(ActivitiesPermissions.Notes)]
    public async Task<NoteDto> AddNoteAsync([Description("the note")] string text,
        [Description("the customer it is about")] Guid? customerId = null, [Description("the order it is about")] Guid? orderId = null,
        [Description("the deal it is about")] Guid? dealId = null, CancellationToken cancellationToken = default)
    {
        var (kind, link, customer) = await SubjectAsync(customerId, orderId, dealId, required: true, cancellationToken);
        return await notes.AddAsync(kind, link!.Value, text, customer, cancellationToken);
    }

    /// <summary>The one record named, checked to exist, with its customer (for the customer's timeline).</summary>
    private async Task<(LinkKind Kind, Guid? Link, Guid? Customer)> SubjectAsync(Guid? customerId, Guid? orderId, Guid? dealId,
        bool required, CancellationToken cancellationToken)
    {
        var named = new[] { customerId, orderId, dealId }.Count(id => id is not null);
        if (named > 1) throw new BusinessException("Activities:OneSubject", "Name one of customerId, orderId or dealId, not several.");
        if (named == 0)
            return required ? throw new BusinessException("Activities:NoteNeedsSubject", "A note is about a customer, deal or order.")
                : (LinkKind.None, null, null);
        if (orderId is { } order)
        {
            var found = await orders.FindAsync(order, cancellationToken) ?? throw new EntityNotFoundException(typeof(OrderDto), order);
            return (LinkKind.Order, order, found.CustomerId);
        }
        if (dealId is { } deal)
        {
            var found = await deals.GetAsync(deal, null, cancellationToken);
            return (LinkKind.Deal, deal, found.CustomerId);
        }
        var customer = await customers.FindAsync(customerId!.Value, cancellationToken)
            ?? throw new EntityNotFoundException(typeof(CustomerSummaryDto), customerId.Value);
        return (LinkKind.Customer, customer.Id, customer.Id);
    }
}
