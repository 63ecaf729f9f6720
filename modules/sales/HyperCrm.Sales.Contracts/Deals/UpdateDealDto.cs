using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Sales.Deals;

/// <summary>Only the fields sent change. Moving to a "lost" stage needs a lostReason.</summary>
public sealed class UpdateDealDto : DealInputBase
{
    public string? Stage { get; set; }

    [StringLength(DealConsts.MaxLostReasonLength, ErrorMessage = "Validation:StringLength")]
    public string? LostReason { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
