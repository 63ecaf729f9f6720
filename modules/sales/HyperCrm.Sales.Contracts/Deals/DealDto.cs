namespace HyperCrm.Sales.Deals;

public sealed record DealDto(
    Guid Id,
    string Title,
    decimal Amount,
    string Currency,
    Guid PipelineId,
    Guid StageId,
    string StageName,
    DealState State,
    int Probability,
    Guid? CustomerId,
    Guid? OwnerId,
    DateOnly? ExpectedClose,
    string? LostReason,
    DateTimeOffset CreationTime,
    string ConcurrencyStamp);
