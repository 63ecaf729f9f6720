using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HyperCrm.Framework.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HyperCrm.Framework.Web;

public static class ValidationFilter
{
    /// <summary>Validates the endpoint's <typeparamref name="T"/> argument with its data annotations; failures are a 400 problem listing
    /// each field.</summary>
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
            var errors = Errors(argument);
            if (errors.Count == 0) return await next(context);
            return TypedResults.ValidationProblem(errors, detail: "Some fields are not valid.",
                extensions: new Dictionary<string, object?> { ["code"] = "Common:ValidationFailed" });
        });
    }

    /// <summary>Every data-annotation failure of the object and its nested objects, by JSON field path; empty when valid.</summary>
    public static Dictionary<string, string[]> Errors(object instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var errors = new Dictionary<string, List<string>>();
        ValidateDeep(instance, string.Empty, errors, depth: 0);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Data annotations of the object, then of its nested objects and list items ("lines[0].quantity").</summary>
    private static void ValidateDeep(object instance, string prefix, Dictionary<string, List<string>> errors, int depth)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                var field = prefix + JsonName(member);
                if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
                list.Add(Describe(result.ErrorMessage, field));
            }
        }
        if (depth >= 4) return;
        foreach (var property in instance.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(instance);
            var name = prefix + JsonName(property.Name);
            if (value is null || value is string || property.PropertyType.IsValueType) continue;
            if (value is System.Collections.IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && item is not string && !item.GetType().IsValueType) ValidateDeep(item, $"{name}[{index}].",
                        errors, depth + 1);
                    index++;
                }
            }
            else if (property.PropertyType.Namespace?.StartsWith("HyperCrm", StringComparison.Ordinal) == true)
            {
                ValidateDeep(value, name + ".", errors, depth + 1);
            }
        }
    }

    /// <summary>The partner behind the calling API key; null for staff.</summary>
    public static Guid? PartnerId(this ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(HyperClaimTypes.PartnerId), out var id) ? id : null;

    /// <summary>The partner behind the calling API key, on endpoints only API keys reach (a key always has a partner).</summary>
    public static Guid RequiredPartnerId(this ClaimsPrincipal user) =>
        user.PartnerId() ?? throw new InvalidOperationException("This endpoint is for partners' API keys only.");

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    /// <summary>Data annotations carry localization keys; the API speaks plain English.</summary>
    private static string Describe(string? key, string field) => key switch
    {
        "Validation:Required" => $"{field} is required.",
        "Validation:StringLength" => $"{field} is too long.",
        "Validation:Range" => $"{field} is out of range.",
        "Validation:Currency" => $"{field} must be an ISO 4217 code such as RUB.",
        "Validation:Lines" => $"{field} must hold 1 to 100 lines.",
        "Validation:Country" => $"{field} must be a two-letter country code.",
        "Validation:Email" => $"{field} is not a valid email address.",
        null => "Invalid value.",
        _ => key,
    };
}
