using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Identity.Partners;

public sealed class CreateApiKeyDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(PartnerConsts.MaxKeyNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "KeyName")]
    public string Name { get; set; } = string.Empty;

    public List<string> Scopes { get; set; } = [];
}
