using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Identity.Users;

public sealed class InviteUserDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [EmailAddress(ErrorMessage = "Validation:Email")]
    [StringLength(UserConsts.MaxEmailLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(UserConsts.MaxDisplayNameLength, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "DisplayName")]
    public string DisplayName { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}
