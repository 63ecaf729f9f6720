using HyperCrm.Automation.Catalog;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using HyperCrm.Framework.Security;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HyperCrm.Sales.Application;

public sealed class OrderAppService(
    SalesDbContext db,
    ICustomerIntegrationService customers,
    ICurrentUser currentUser,
    MessageFormatter words,
    TimeProvider clock) : IOrderAppService
{
    public async Task<OrderDto> CreateAsync(CreateOrderDto input, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var externalId = input.ExternalId?.Trim();
        await EnsureExternalIdFreeAsync(partnerId, externalId, cancellationToken);

        var skus = input.Lines.Select(l => l.Sku.Trim().ToUpperInvariant()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, cancellationToken);
        var unknown = skus.Where(s => !products.ContainsKey(s)).ToList();
        if (unknown.Count > 0)
            throw new BusinessException("Sales:UnknownSku", $"Unknown SKU(s): {string.Join(", ", unknown)}.",
                new Dictionary<string, object?> { ["skus"] = unknown });
        var lines = input.Lines.Select(l => new OrderLine(l.Sku.Trim().ToUpperInvariant(), products[l.Sku.Trim().ToUpperInvariant()].Name,
            l.Quantity, l.UnitPrice)).ToList();

        // Everything about the order is valid before the customer is matched (a separate module and transaction).
        var match = await customers.MatchOrCreateAsync(new MatchCustomerInput(input.Customer.Name, input.Customer.Email,
            input.Customer.Phone, partnerId, "order"), cancellationToken);
        var number = await db.NextOrderNumberAsync(cancellationToken);
        var a = input.ShippingAddress;
        var order = new Order(Guid.CreateVersion7(), number, partnerId, externalId, match.CustomerId, input.Customer.Name.Trim(),
            input.Currency, input.PaymentMethod,
            new ShippingAddress(a.Country.ToUpperInvariant(), a.City.Trim(), a.Line1.Trim(),
                string.IsNullOrWhiteSpace(a.PostalCode) ? null : a.PostalCode.Trim()),
            lines, CurrentActor(), clock.GetUtcNow());
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            await EnsureExternalIdFreeAsync(partnerId, externalId, cancellationToken);
            throw;
        }
        return order.ToDto(words);
    }

    /// <summary>The order with its customer's segment (new, repeat, VIP) as of now; lists leave the segment out.</summary>
    public async Task<OrderDto> GetAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var order = (await FindVisibleAsync(id, partnerId, tracking: false, cancellationToken)).ToDto(words);
        var customer = await customers.FindAsync(order.CustomerId, cancellationToken);
        return order with { Segment = customer?.Segment is { } segment ? CatalogValues.WireName(segment) : null };
    }

    public async Task<OrderCursorPageDto> GetPageAsync(Guid? partnerId, OrderStatus? status, string? externalId, int limit, string? cursor,
        CancellationToken cancellationToken = default)
    {
        var query = db.Orders.AsNoTracking().AsSplitQuery();
        if (partnerId is { } partner) query = query.Where(o => o.PartnerId == partner);
        if (status is { } s) query = query.Where(o => o.Status == s);
        if (!string.IsNullOrWhiteSpace(externalId)) query = query.Where(o => o.ExternalId == externalId.Trim());
        var (page, next) = await query.ToKeysetPageAsync(cursor, limit, cancellationToken);
        return new OrderCursorPageDto(page.Select(o => o.ToDto(words)).ToList(), next);
    }

    public async Task<PagedResultDto<OrderListItemDto>> GetListAsync(GetOrderListInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = db.Orders.AsNoTracking().IgnoreAutoIncludes();
        if (input.Status is { } status) query = query.Where(o => o.Status == status);
        if (input.CustomerId is { } customerId) query = query.Where(o => o.CustomerId == customerId);
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            var text = input.Filter.Trim().TrimStart('#');
            query = long.TryParse(text, out var number)
                ? query.Where(o => o.Number == number || o.ExternalId == text)
                : query.Where(o => o.ExternalId == text || EF.Functions.ILike(o.CustomerName, LikePattern.Contains(text),
                    LikePattern.EscapeCharacter));
        }
        var total = await query.Take(PagedInput.CountCap + 1).LongCountAsync(cancellationToken);
        var items = await query.OrderByDescending(o => o.Id).Skip(input.Skip).Take(input.Take)
            .Select(o => new OrderListItemDto(o.Id, o.Number, o.ExternalId, o.Status, o.CustomerName, o.Currency, o.Total, o.CreationTime))
            .ToListAsync(cancellationToken);
        return new PagedResultDto<OrderListItemDto>(total, items) { TotalIsLowerBound = total > PagedInput.CountCap };
    }

    public Task<OrderDto> CancelAsync(Guid id, Guid? partnerId, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, partnerId, order => order.Cancel(CurrentActor(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            clock.GetUtcNow()), cancellationToken);

    public Task<OrderDto> MoveAsync(Guid id, OrderMoveInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(id, null, order => order.Apply(input.Move, CurrentActor(),
            string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(), input.TrackingNumber, clock.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>
    /// A person's or partner's move on the order as it is now: the automation writes to an order all along (steps, payment,
    /// status), so a save that lost the race is made again on the order read afresh (the move's own rules are checked
    /// again), a few times, instead of refusing a request that named no version of the order.
    /// </summary>
    private async Task<OrderDto> ChangeAsync(Guid id, Guid? partnerId, Action<Order> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var order = await FindVisibleAsync(id, partnerId, tracking: true, cancellationToken);
            change(order);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return order.ToDto(words);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyList<OrderStepDto>> GetStepsAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default) =>
        (await FindVisibleAsync(id, partnerId, tracking: false,
            cancellationToken)).Steps.OrderBy(s => s.At).Select(s => s.ToDto(words)).ToList();

    private Actor CurrentActor()
    {
        var (kind, name) = Actors.From(currentUser);
        return new Actor(kind, name);
    }

    private async Task EnsureExternalIdFreeAsync(Guid? partnerId, string? externalId, CancellationToken cancellationToken)
    {
        if (externalId is null) return;
        var existing = await db.Orders.AsNoTracking().IgnoreAutoIncludes()
            .Where(o => o.PartnerId == partnerId && o.ExternalId == externalId).Select(o => (Guid?)o.Id)
                .FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
            throw new BusinessException("Sales:DuplicateExternalId", $"An order with externalId '{externalId}' already exists.",
                new Dictionary<string, object?> { ["existingOrderId"] = id });
    }

    /// <summary>An order a partner may see; anything else is 404 (never 403), so ids do not leak.</summary>
    private async Task<Order> FindVisibleAsync(Guid id, Guid? partnerId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Orders : db.Orders.AsNoTracking();
        var order = await query.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null || !order.IsVisibleTo(partnerId)) throw new EntityNotFoundException(typeof(Order), id);
        return order;
    }
}
