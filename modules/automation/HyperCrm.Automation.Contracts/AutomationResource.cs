namespace HyperCrm.Automation;

[HyperCrm.Framework.Localization.LocalizationResourceName("Automation")]
public sealed class AutomationResource;
