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

    /// <summary>True when the partner may refer to this customer (it has a view of it).</summary>
    Task<bool> IsVisibleToPartnerAsync(Guid customerId, Guid partnerId, CancellationToken cancellationToken = default);
}
