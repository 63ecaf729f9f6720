using HyperCrm.Framework.Localization;

namespace HyperCrm.Robots;

[LocalizationResourceName("Robots")]
public sealed class RobotsResource;
