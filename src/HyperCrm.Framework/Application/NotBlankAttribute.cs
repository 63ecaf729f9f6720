using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Framework.Application;

/// <summary>
/// On a partial update's optional text: null leaves the value as it is, but a value that is sent must have some text (an
/// empty or blank one would clear what may not be empty).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class NotBlankAttribute : ValidationAttribute
{
    public NotBlankAttribute() => ErrorMessage = "Validation:Required";

    public override bool IsValid(object? value) => value is not string text || !string.IsNullOrWhiteSpace(text);
}
