namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

/// <summary>The steps of one list in the editor: where they sit in the form and in the tree.</summary>
/// <param name="Prefix">The form-field prefix, e.g. <c>Steps</c> or <c>Steps[1].Then</c>.</param>
/// <param name="Path">The tree path of the list, e.g. empty (the rule) or <c>1/then</c>.</param>
public sealed record StepListModel(string Prefix, string Path, List<StepForm> Steps, EditModel Page, int Depth);
