using System.ComponentModel.DataAnnotations;
using HyperCrm.Sales.Deals;

namespace HyperCrm.Sales.Web.Pages.Deals;

public sealed class DealForm
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(DealConsts.MaxTitleLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Deals:Name")]
    public string? Title { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "Validation:Range")]
    [Display(Name = "Deals:Amount")]
    public decimal? Amount { get; set; }

    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Validation:Currency")]
    [Display(Name = "Deals:Currency")]
    public string? Currency { get; set; }

    public Guid StageId { get; set; }

    [Range(0, 100, ErrorMessage = "Validation:Range")]
    [Display(Name = "Deals:Probability")]
    public int? Probability { get; set; }

    public DateOnly? ExpectedClose { get; set; }

    public Guid? OwnerId { get; set; }

    [StringLength(DealConsts.MaxLostReasonLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Deals:LostReason")]
    public string? LostReason { get; set; }

    public string? ConcurrencyStamp { get; set; }
}
