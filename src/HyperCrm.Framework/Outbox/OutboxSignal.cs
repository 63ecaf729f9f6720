using HyperCrm.Framework.Threading;

namespace HyperCrm.Framework.Outbox;

/// <summary>Wakes the outbox dispatcher right after a commit that wrote events, so delivery does not wait for a poll.</summary>
public sealed class OutboxSignal : WakeSignal;
