using System.Globalization;
using HyperCrm.Framework.Settings;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace HyperCrm.RazorUi.TagHelpers;

/// <summary>
/// <c>&lt;local-time value="@order.CreatedAt" precision="Seconds" /&gt;</c> renders a <c>&lt;time&gt;</c> in the
/// company's time zone (setting <see cref="PlatformSettingNames.TimeZone"/>) and the reader's culture, with the
/// machine-readable UTC moment in <c>datetime</c> and the full date, time and zone in the tooltip. No value renders "—".
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(ISettingManager settings) : TagHelper
{
    private const string ZoneItemKey = "HyperCrm.RazorUi.TimeZone";

    public DateTimeOffset? Value { get; set; }

    public TimePrecision Precision { get; set; } = TimePrecision.Minutes;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Value is not { } value)
        {
            output.TagName = "span";
            output.Content.SetContent("—");
            return;
        }
        var zone = await ZoneAsync();
        var local = TimeZoneInfo.ConvertTime(value, zone);
        var culture = CultureInfo.CurrentCulture;
        output.Attributes.SetAttribute("datetime", value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Attributes.SetAttribute("title", $"{local.ToString("F", culture)} ({zone.Id}, UTC{local.ToString("zzz", culture)})");
        output.Content.SetContent(Precision switch
        {
            TimePrecision.Seconds => local.ToString("G", culture),
            TimePrecision.Date => local.ToString("d", culture),
            TimePrecision.Milliseconds => local.ToString(culture.DateTimeFormat.LongTimePattern.Replace("ss", "ss.fff",
                StringComparison.Ordinal), culture),
            _ => local.ToString("g", culture),
        });
    }

    /// <summary>The company's zone, read once per request; an unknown zone name falls back to UTC.</summary>
    private async Task<TimeZoneInfo> ZoneAsync()
    {
        var items = ViewContext.HttpContext.Items;
        if (items[ZoneItemKey] is TimeZoneInfo cached) return cached;
        var zone = await settings.GetCompanyTimeZoneAsync(ViewContext.HttpContext.RequestAborted);
        items[ZoneItemKey] = zone;
        return zone;
    }
}
