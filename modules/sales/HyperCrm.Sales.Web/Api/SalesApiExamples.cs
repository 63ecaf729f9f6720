using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Web;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Orders;
using HyperCrm.Sales.Products;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Sales.Web.Api;

/// <summary>Examples of the sales API bodies for the OpenAPI document.</summary>
internal static class SalesApiExamples
{
    private static readonly Guid OrderId = Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a01");
    private static readonly Guid CustomerId = Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a02");
    private static readonly Guid DealId = Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a03");
    private static readonly Guid PipelineId = Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a04");
    private static readonly Guid StageId = Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a05");
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);

    public static IServiceCollection AddSalesApiExamples(this IServiceCollection services)
    {
        var address = new ShippingAddressDto { Country = "RU", City = "Москва", Line1 = "ул. Тверская, 1, кв. 5", PostalCode = "125009" };
        var order = new OrderDto(OrderId, 1042, "shop-7781", OrderStatus.Reserved, CustomerId, "Анна Петрова", "RUB", 4470m,
            PaymentMethod.Card, address,
            [new OrderLineDto("SKU-001", "Кружка керамическая", 2, 1490m, 2980m), new OrderLineDto("SKU-007", "Чай улун 100 г", 1, 1490m,
                1490m)],
            null, "regular", 0.12m, [], At, At.AddMinutes(2), PaymentState.Authorized);
        return services
            .AddApiExample(new CreateOrderDto
            {
                ExternalId = "shop-7781", Currency = "RUB", PaymentMethod = PaymentMethod.Card, ShippingAddress = address,
                Customer = new OrderCustomerDto { Name = "Анна Петрова", Email = "anna@example.com", Phone = "+7 916 123-45-67" },
                Lines = [new OrderLineInputDto { Sku = "SKU-001", Quantity = 2, UnitPrice = 1490m },
                    new OrderLineInputDto { Sku = "SKU-007", Quantity = 1, UnitPrice = 1490m }],
            })
            .AddApiExample(order)
            .AddApiExample(new OrderCursorPageDto([order], "eyJrIjoiMDE5YWIzYzEifQ"))
            .AddApiExample(new CancelOrderDto("The customer changed their mind"))
            .AddApiExample(new OrderStepDto(At, "order.reserved", OrderStatus.Reserved, ActorKind.Rule, "reserve in-stock orders",
                "every line in stock"))
            .AddApiExample(new ProductDto("SKU-001", "Кружка керамическая", 1490m, "RUB", 120, 8, 112))
            .AddApiExample(new CreateDealDto { Title = "Corporate gifts 2027", Amount = 250000m, Currency = "RUB", Stage = "Qualified",
                ExpectedClose = new DateOnly(2026, 12, 20) })
            .AddApiExample(new UpdateDealDto { Stage = "Lost", LostReason = "Budget moved to next year" })
            .AddApiExample(new DealDto(DealId, "Corporate gifts 2027", 250000m, "RUB", PipelineId, StageId, "Qualified", DealState.Open, 30,
                CustomerId, null,
                new DateOnly(2026, 12, 20), null, At, "5b0c9a3e2d7f4c1a"));
    }
}
