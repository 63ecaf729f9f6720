namespace HyperCrm.Framework.Localization;

/// <summary>Texts every module shares (Save, Cancel, validation messages); every resource falls back to it.</summary>
[LocalizationResourceName("Shared")]
public sealed class SharedResource;
