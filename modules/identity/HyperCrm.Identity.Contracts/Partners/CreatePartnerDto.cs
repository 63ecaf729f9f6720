using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Identity.Partners;

public sealed class CreatePartnerDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [RegularExpression(PartnerConsts.NamePattern, ErrorMessage = "Partner:NameFormat")]
    [StringLength(PartnerConsts.MaxNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "PartnerName")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(PartnerConsts.MaxDisplayNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "DisplayName")]
    public string DisplayName { get; set; } = string.Empty;
}
