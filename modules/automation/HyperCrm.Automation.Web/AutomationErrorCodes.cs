using HyperCrm.Framework.Web;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Automation.Web;

/// <summary>The HTTP status of each of the automation module's error codes that is not a plain 422 refusal.</summary>
public static class AutomationErrorCodes
{
    public static void Map(ErrorCodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options
            .Map(StatusCodes.Status409Conflict, "Automation:DuplicateName", "Automation:NoFailedStep", "Automation:NotDeadLettered",
                "Automation:NotManual", "Automation:NotPublished", "Automation:PossibleLoop", "Automation:StepNotInVersion");
    }
}
