using System.Text.Json.Serialization;

namespace HyperCrm.Automation.Catalog;

/// <summary>The value types rule conditions and action parameters know. Lists hold text (tags, SKUs).</summary>
public enum FieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("boolean")] Boolean,
    [JsonStringEnumMemberName("datetime")] DateTime,
    [JsonStringEnumMemberName("list")] List,
}
