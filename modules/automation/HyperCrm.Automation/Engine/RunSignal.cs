namespace HyperCrm.Automation.Engine;

/// <summary>Wakes the run worker when an event handler left work for it.</summary>
public sealed class RunSignal : HyperCrm.Framework.Threading.WakeSignal;
