namespace HyperCrm.Activities.Messages;

public static class InboundMessageConsts
{
    public const int MaxTextLength = 8000;
}
