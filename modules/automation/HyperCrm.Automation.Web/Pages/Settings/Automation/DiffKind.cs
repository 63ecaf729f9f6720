namespace HyperCrm.Automation.Web.Pages.Settings.Automation;

public enum DiffKind { Same, Added, Removed }
