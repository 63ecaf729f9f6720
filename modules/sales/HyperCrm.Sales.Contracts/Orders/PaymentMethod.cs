using System.Text.Json.Serialization;

namespace HyperCrm.Sales.Orders;

public enum PaymentMethod
{
    [JsonStringEnumMemberName("card")] Card,
    [JsonStringEnumMemberName("cash")] Cash,
    [JsonStringEnumMemberName("invoice")] Invoice,
    [JsonStringEnumMemberName("sbp")] Sbp,
}
