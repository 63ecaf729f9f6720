using System.Text.Json.Serialization;

namespace HyperCrm.Activities;

/// <summary>What a task, approval or note is about.</summary>
public enum LinkKind
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("customer")] Customer,
    [JsonStringEnumMemberName("deal")] Deal,
    [JsonStringEnumMemberName("order")] Order,
}
