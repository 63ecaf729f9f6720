using HyperCrm.Framework.Localization;

namespace HyperCrm.Analytics;

[LocalizationResourceName("Analytics")]
public sealed class AnalyticsResource;
