namespace HyperCrm.Customers.Timeline;

/// <summary>
/// What a timeline entry's <see cref="TimelineEventEto.ReferenceId"/> names. The domain says what it is; the web layer
/// decides where its page is (Framework.Ui's <c>ILinkContributor</c>).
/// </summary>
public static class TimelineReferenceKinds
{
    public const string Customer = "customer";
    public const string Order = "order";
    public const string Deal = "deal";
    public const string Task = "task";
    public const string Approval = "approval";
    public const string Note = "note";
    public const string Message = "message";
}
