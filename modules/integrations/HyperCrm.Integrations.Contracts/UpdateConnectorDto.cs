using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Integrations.Connectors;

public sealed class UpdateConnectorDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [Url(ErrorMessage = "Connector:BadUrl")]
    [StringLength(300, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:BaseUrl")]
    public string BaseUrl { get; set; } = string.Empty;

    [StringLength(100, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:UserName")]
    public string? UserName { get; set; }

    /// <summary>The password or API key; empty keeps the stored one.</summary>
    [StringLength(500, ErrorMessage = "Validation:StringLength")]
    [Display(Name = "Connector:Secret")]
    public string? Secret { get; set; }

    [Range(1, 120, ErrorMessage = "Validation:Range")]
    [Display(Name = "Connector:Timeout")]
    public int TimeoutSeconds { get; set; } = 10;
}
