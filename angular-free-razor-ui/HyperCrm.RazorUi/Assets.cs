namespace HyperCrm.RazorUi;

/// <summary>Where the shell's static files are served: the vendored libraries and the app's CSS.</summary>
public static class Assets
{
    public const string Root = "/_content/HyperCrm.RazorUi";

    /// <summary>Chart.js, for pages that draw charts (add it to their Scripts section).</summary>
    public const string ChartJs = Root + "/lib/chartjs/chart.umd.min.js";
}
