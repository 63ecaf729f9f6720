using HyperCrm.Framework.Localization;

namespace HyperCrm.Intelligence;

[LocalizationResourceName("Intelligence")]
public sealed class IntelligenceResource;
