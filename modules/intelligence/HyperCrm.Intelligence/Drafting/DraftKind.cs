namespace HyperCrm.Intelligence.Drafting;

/// <summary>What a draft is for: a reply to a customer's message, or the request for a review after delivery.</summary>
public enum DraftKind
{
    Reply,
    ReviewRequest,
}
