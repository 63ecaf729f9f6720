using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Sales.Deals;

public class DealInputBase
{
    [StringLength(DealConsts.MaxTitleLength, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string? Title { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "Validation:Range")]
    public decimal? Amount { get; set; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Validation:Currency")]
    public string? Currency { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? OwnerId { get; set; }

    public DateOnly? ExpectedClose { get; set; }

    [Range(0, 100, ErrorMessage = "Validation:Range")]
    public int? Probability { get; set; }
}
