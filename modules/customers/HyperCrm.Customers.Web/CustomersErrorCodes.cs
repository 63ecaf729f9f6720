using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Customers.Web;

/// <summary>The HTTP status of each of the customers module's error codes that is not a plain 422 refusal.</summary>
public static class CustomersErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Customers:DuplicateContact", "Customers:ImportStarted", "Customers:Merged");
    }
}
