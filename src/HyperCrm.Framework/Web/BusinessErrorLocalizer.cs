using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Localization;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Framework.Web;

/// <summary>
/// A business error in the reader's language: the code "Sales:TransitionNotAllowed" is the text "Error:TransitionNotAllowed"
/// of the resource named "Sales" ("Common:…" of "Shared"), formatted with the error's arguments, where an enum argument is
/// its own text ("OrderStatus:OnHold"). A code with no text, or a text that needs arguments the error lacks, falls back to
/// the English message.
/// </summary>
public sealed class BusinessErrorLocalizer(IStringLocalizerFactory factory)
{
    public string Localize(BusinessException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!LocalizationResources.TryResolve(factory, error.Code, out var localizer, out var name)) return error.Message;
        var arguments = error.Arguments.Select(a => a is Enum value
            ? LocalizationResources.Word(localizer, value.GetType().Name, value.ToString())
            : a ?? string.Empty).ToArray();
        try
        {
            var text = localizer["Error:" + name, arguments];
            return text.ResourceNotFound ? error.Message : text.Value;
        }
        catch (FormatException)
        {
            // A text that expects arguments this error did not bring: the English message says it all.
            return error.Message;
        }
    }
}
