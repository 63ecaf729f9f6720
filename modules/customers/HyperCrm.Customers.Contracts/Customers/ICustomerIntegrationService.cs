using HyperCrm.Framework.Localization;

namespace HyperCrm.Customers.Customers;

/// <summary>What other modules may ask of customers (read-only DTOs, and matching for incoming orders and messages).</summary>
public interface ICustomerIntegrationService
{
    /// <summary>
    /// Finds the customer by email, else by phone when the email is missing on either side; creates one otherwise (flagged
    /// as a possible duplicate when only the phone agreed). The partner gets its own view of what it sent either way.
    /// </summary>
    Task<CustomerMatchDto> MatchOrCreateAsync(MatchCustomerInput input, CancellationToken cancellationToken = default);

    Task<CustomerSummaryDto?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The customer with this email (any of theirs), else this phone; null when nobody has either (nobody is
    /// created).</summary>
    Task<CustomerSummaryDto?> FindByContactAsync(string? email, string? phone, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the customer in a segment, with why in words; false (nothing written) when they are already there. A change
    /// goes on the customer's timeline. Unknown or merged customers are skipped.
    /// </summary>
    Task<bool> SetSegmentAsync(Guid customerId, CustomerSegment segment, Message reason, CancellationToken cancellationToken = default);

    /// <summary>True when the partner may refer to this customer (it has a view of it).</summary>
    Task<bool> IsVisibleToPartnerAsync(Guid customerId, Guid partnerId, CancellationToken cancellationToken = default);
}
