using HyperCrm.Framework.Localization;

namespace HyperCrm.RazorUi;

/// <summary>Texts of the shell: the layout, the language switch, the sandbox banner.</summary>
[LocalizationResourceName("RazorUi")]
public sealed class RazorUiResource;
