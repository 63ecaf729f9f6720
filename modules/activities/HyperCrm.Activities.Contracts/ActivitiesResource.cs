using HyperCrm.Framework.Localization;

namespace HyperCrm.Activities;

[LocalizationResourceName("Activities")]
public sealed class ActivitiesResource;
