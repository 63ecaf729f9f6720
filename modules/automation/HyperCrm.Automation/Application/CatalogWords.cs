using HyperCrm.Automation.Catalog;
using HyperCrm.Framework.Localization;
using Microsoft.Extensions.Localization;

namespace HyperCrm.Automation.Application;

/// <summary>
/// The catalog in the reader's language. Trigger keys, action names and field names stay as they are (rules are written
/// with them); their descriptions are texts of the offering module's resource: "Catalog:Trigger:{key}",
/// "Catalog:Field:{name}", "Catalog:Action:{name}", "Catalog:Action:{name}:{parameter}" (its example: ".Example") and
/// "Catalog:Output:{name}:{output}".
/// A module that ships no text keeps the English description its code gives.
/// </summary>
public sealed class CatalogWords(IStringLocalizerFactory factory, IStringLocalizer<AutomationResource> automation)
{
    public TriggerDescriptor Trigger(TriggerDescriptor trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var texts = Resource(trigger.Module);
        return trigger with
        {
            Description = Text(texts, "Catalog:Trigger:" + trigger.Key, trigger.Description),
            Fields = trigger.Fields.Select(f => Field(texts, f)).ToList(),
        };
    }

    public ActionDescriptor Action(ActionDescriptor action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var texts = Resource(action.Module);
        var key = "Catalog:Action:" + action.Name;
        return action with
        {
            Description = Text(texts, key, action.Description),
            Parameters = action.Parameters.Select(p => p with
            {
                Description = Text(texts, $"{key}:{p.Name}", p.Description),
                Example = p.Example is null ? null : Text(texts, $"{key}:{p.Name}.Example", p.Example),
            }).ToList(),
            Outputs = action.Outputs.Select(o => o with
            {
                Description = Text(texts, $"Catalog:Output:{action.Name}:{o.Name}", o.Description),
            }).ToList(),
        };
    }

    /// <summary>A field of the rule's trigger (its module's text), or a common one (the engine's).</summary>
    public CatalogField Field(string module, CatalogField field) => Field(Resource(module), field);

    /// <summary>A field no catalog entry describes: an earlier step's output, or a field of an event the run waited for.</summary>
    public CatalogField Undescribed(string name, FieldType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new CatalogField(name, type, automation[name.StartsWith("steps.", StringComparison.Ordinal)
            ? "Catalog:StepOutput" : "Catalog:WaitedEventField"].Value);
    }

    private CatalogField Field(IStringLocalizer? texts, CatalogField field)
    {
        if (field.Name.StartsWith("event.", StringComparison.Ordinal))
            return field with { Description = automation["Catalog:EventField"].Value };
        return field with { Description = Text(texts, "Catalog:Field:" + field.Name, Text(automation, "Catalog:Field:" + field.Name,
            field.Description)) };
    }

    private IStringLocalizer? Resource(string module) =>
        LocalizationResources.Find(module) is { } resource ? factory.Create(resource) : null;

    private static string Text(IStringLocalizer? texts, string key, string fallback)
    {
        if (texts is null) return fallback;
        var text = texts[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
