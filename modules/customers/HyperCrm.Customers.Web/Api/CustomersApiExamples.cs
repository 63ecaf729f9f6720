using HyperCrm.Customers.Customers;
using HyperCrm.Framework.Web;
using Microsoft.Extensions.DependencyInjection;

namespace HyperCrm.Customers.Web.Api;

/// <summary>Examples of the customers API bodies for the OpenAPI document.</summary>
internal static class CustomersApiExamples
{
    public static IServiceCollection AddCustomersApiExamples(this IServiceCollection services)
    {
        var at = new DateTimeOffset(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
        var customer = new PartnerCustomerDto(Guid.Parse("019ab3c1-6f2e-7a10-9c44-2f5e8d1b7a02"), CustomerKind.Person, "Анна Петрова",
            "anna@example.com", "+79161234567",
            null, new AddressDto("RU", "Москва", "ул. Тверская, 1, кв. 5", "125009"), true, at, "Calls after 18:00", at, "9f1c2b7e4a");
        return services
            .AddApiExample(new CreateCustomerDto
            {
                Name = "Анна Петрова", Email = "anna@example.com", Phone = "+7 916 123-45-67", MarketingConsent = true,
                Address = new AddressDto("RU", "Москва", "ул. Тверская, 1, кв. 5", "125009"),
            })
            .AddApiExample(new UpdateCustomerDto { Notes = "Calls after 18:00", ConcurrencyStamp = "9f1c2b7e4a" })
            .AddApiExample(customer)
            .AddApiExample(new CursorPageDto<PartnerCustomerDto>([customer], "eyJrIjoiMDE5YWIzYzEifQ"));
    }
}
