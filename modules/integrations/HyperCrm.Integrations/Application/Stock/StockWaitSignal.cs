using HyperCrm.Framework.Threading;

namespace HyperCrm.Integrations.Application;

/// <summary>Wakes the stock-arrival poller when an order began waiting for stock the ERP lacked (it sleeps while none waits).</summary>
public sealed class StockWaitSignal : WakeSignal;
