namespace HyperCrm.Activities.Web.Components;

public sealed record ApprovalsModel(IReadOnlyList<ApprovalDto> Pending, string ReturnUrl);
