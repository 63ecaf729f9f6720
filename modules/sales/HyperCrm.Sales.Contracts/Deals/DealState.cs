using System.Text.Json.Serialization;

namespace HyperCrm.Sales.Deals;

public enum DealState
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("won")] Won,
    [JsonStringEnumMemberName("lost")] Lost,
}
