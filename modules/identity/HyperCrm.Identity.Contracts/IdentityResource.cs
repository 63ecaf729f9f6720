using HyperCrm.Framework.Localization;

namespace HyperCrm.Identity;

[LocalizationResourceName("Identity")]
public sealed class IdentityResource;
