using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HyperCrm.Framework.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Framework.Web;

public static class ValidationFilter
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its data annotations; failures are a 400 problem listing each field.</summary>
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddEndpointFilter(async (context, next) =>
        {
            var argument = context.Arguments.OfType<T>().FirstOrDefault();
            if (argument is null)
                return TypedResults.Problem(detail: "The request needs a JSON body.", statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = "Common:BodyRequired" });
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true)) return await next(context);
            var errors = results
                .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [string.Empty]).Select(m => (Member: JsonName(m), r.ErrorMessage)))
                .GroupBy(e => e.Member)
                .ToDictionary(g => g.Key, g => g.Select(e => Describe(e.ErrorMessage, g.Key)).ToArray());
            return TypedResults.ValidationProblem(errors, detail: "Some fields are not valid.",
                extensions: new Dictionary<string, object?> { ["code"] = "Common:ValidationFailed" });
        });
    }

    /// <summary>The partner behind the calling API key; null for staff.</summary>
    public static Guid? PartnerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(HyperClaimTypes.PartnerId), out var id) ? id : null;

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    /// <summary>Data annotations carry localization keys; the API speaks plain English.</summary>
    private static string Describe(string? key, string field) => key switch
    {
        "Validation:Required" => $"{field} is required.",
        "Validation:StringLength" => $"{field} is too long.",
        "Validation:Email" => $"{field} is not a valid email address.",
        null => "Invalid value.",
        _ => key,
    };
}
