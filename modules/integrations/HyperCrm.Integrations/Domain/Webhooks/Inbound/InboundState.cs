namespace HyperCrm.Integrations.Domain;

public enum InboundState
{
    Received,
    Processed,
    Rejected,
}
