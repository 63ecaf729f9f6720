using HyperCrm.Framework.Threading;

namespace HyperCrm.Integrations.Application;

/// <summary>Wakes the pick-task poller when a pick task was created (it sleeps while none is open).</summary>
public sealed class PickTaskSignal : WakeSignal;
