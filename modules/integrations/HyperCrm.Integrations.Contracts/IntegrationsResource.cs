using HyperCrm.Framework.Localization;

namespace HyperCrm.Integrations;

[LocalizationResourceName("Integrations")]
public sealed class IntegrationsResource;
