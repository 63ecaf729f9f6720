using HyperCrm.Framework.Localization;

namespace HyperCrm.Web;

/// <summary>Texts of the host: layout, home, settings, error pages.</summary>
[LocalizationResourceName("HyperCrm")]
public sealed class HyperCrmResource;
