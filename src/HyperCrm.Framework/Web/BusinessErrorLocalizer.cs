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
        var separator = error.Code.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0) return error.Message;
        var prefix = error.Code[..separator];
        if (LocalizationResources.Find(prefix == "Common" ? "Shared" : prefix) is not { } resource) return error.Message;
        var localizer = factory.Create(resource);
        var arguments = error.Arguments.Select(a => a is Enum value ? EnumText(localizer, value) : a ?? string.Empty).ToArray();
        try
        {
            var text = localizer["Error:" + error.Code[(separator + 1)..], arguments];
            return text.ResourceNotFound ? error.Message : text.Value;
        }
        catch (FormatException)
        {
            // A text that expects arguments this error did not bring: the English message says it all.
            return error.Message;
        }
    }

    private static string EnumText(IStringLocalizer localizer, Enum value)
    {
        var text = localizer[$"{value.GetType().Name}:{value}"];
        return text.ResourceNotFound ? value.ToString() : text.Value;
    }
}
