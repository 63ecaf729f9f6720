using System.ComponentModel.DataAnnotations;

namespace HyperCrm.Integrations.Webhooks;

public sealed class CreateWebhookSubscriptionDto
{
    [Required(ErrorMessage = "Validation:Required")]
    [StringLength(500, MinimumLength = 8, ErrorMessage = "Validation:StringLength")]
    public string Url { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation:Required")]
    [MinLength(1, ErrorMessage = "Webhook:NoEvents")]
    public List<string> Events { get; set; } = [];

    /// <summary>A Standard Webhooks secret (<c>whsec_</c> + base64 of 24–64 bytes); generated when omitted.</summary>
    [StringLength(200, ErrorMessage = "Validation:StringLength")]
    public string? Secret { get; set; }
}
