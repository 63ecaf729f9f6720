using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Sales.Web;

/// <summary>The HTTP status of each of the sales module's error codes that is not a plain 422 refusal.</summary>
public static class SalesErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Sales:TransitionNotAllowed", "Sales:AlreadyShipped", "Sales:MoveNotAvailable",
                "Sales:DuplicateExternalId", "Sales:DuplicatePipeline", "Sales:DuplicateStage")
            .Map(StatusCodes.Status404NotFound, "Sales:NoPipeline")
            .Map(StatusCodes.Status400BadRequest, "Sales:TitleRequired");
    }
}
