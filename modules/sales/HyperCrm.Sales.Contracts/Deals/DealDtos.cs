using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using HyperCrm.Framework.Events;

namespace HyperCrm.Sales.Deals;

public enum DealState
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("won")] Won,
    [JsonStringEnumMemberName("lost")] Lost,
}

public sealed record StageDto(Guid Id, string Name, int Order, int Probability, bool IsWon, bool IsLost);

public sealed record PipelineDto(Guid Id, string Name, IReadOnlyList<StageDto> Stages);

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

public sealed record BoardColumnDto(StageDto Stage, decimal Total, IReadOnlyList<DealDto> Deals);

public sealed record BoardDto(PipelineDto Pipeline, IReadOnlyList<PipelineDto> Pipelines, IReadOnlyList<BoardColumnDto> Columns);

public class DealInputBase
{
    [StringLength(DealConsts.MaxTitleLength, MinimumLength = 1, ErrorMessage = "Validation:StringLength")]
    public string? Title { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "Validation:Range")]
    public decimal? Amount { get; set; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Validation:Currency")]
    public string? Currency { get; set; }

    public Guid? CustomerId { get; set; }

    public Guid? OwnerId { get; set; }

    public DateOnly? ExpectedClose { get; set; }

    [Range(0, 100, ErrorMessage = "Validation:Range")]
    public int? Probability { get; set; }
}

public sealed class CreateDealDto : DealInputBase
{
    public Guid? PipelineId { get; set; }

    /// <summary>A stage id or name; the pipeline's first stage when omitted.</summary>
    public string? Stage { get; set; }
}

/// <summary>Only the fields sent change. Moving to a "lost" stage needs a lostReason.</summary>
public sealed class UpdateDealDto : DealInputBase
{
    public string? Stage { get; set; }

    [StringLength(DealConsts.MaxLostReasonLength, ErrorMessage = "Validation:StringLength")]
    public string? LostReason { get; set; }

    public string? ConcurrencyStamp { get; set; }
}

public sealed record GetDealListInput : HyperCrm.Framework.Application.PagedInput
{
    public string? Filter { get; init; }

    public DealState? State { get; init; }

    public Guid? StageId { get; init; }

    public Guid? OwnerId { get; init; }
}

public sealed record DealCursorPageDto(IReadOnlyList<DealDto> Items, string? NextCursor);

public static class DealConsts
{
    public const int MaxTitleLength = 200;
    public const int MaxLostReasonLength = 500;
}

public interface IDealAppService
{
    Task<BoardDto> GetBoardAsync(Guid? pipelineId, Guid? ownerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PipelineDto>> GetPipelinesAsync(CancellationToken cancellationToken = default);

    /// <summary>Open stages as "Name, probability" lines; Won and Lost are added.</summary>
    Task<PipelineDto> CreatePipelineAsync(string name, IReadOnlyList<(string Name, int Probability)> openStages, CancellationToken cancellationToken = default);

    Task<PipelineDto> AddStageAsync(Guid pipelineId, string name, int probability, CancellationToken cancellationToken = default);

    Task<PipelineDto> ChangeStageAsync(Guid pipelineId, Guid stageId, string name, int probability, CancellationToken cancellationToken = default);

    /// <summary>Moves an open stage one place earlier (offset -1) or later (+1).</summary>
    Task<PipelineDto> MoveStageAsync(Guid pipelineId, Guid stageId, int offset, CancellationToken cancellationToken = default);

    /// <summary>Removes an open stage after moving its deals to another open stage (each move is a normal, audited stage change).</summary>
    Task<PipelineDto> RemoveStageAsync(Guid pipelineId, Guid stageId, Guid moveDealsTo, CancellationToken cancellationToken = default);

    Task<DealDto> GetAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DealDto>> GetForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default);

    Task<HyperCrm.Framework.Application.PagedResultDto<DealDto>> GetListAsync(GetDealListInput input, CancellationToken cancellationToken = default);

    Task<DealCursorPageDto> GetPageAsync(Guid? partnerId, int limit, string? cursor, CancellationToken cancellationToken = default);

    Task<DealDto> CreateAsync(CreateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default);

    Task<DealDto> UpdateAsync(Guid id, UpdateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default);
}

[EventName("sales.deal.stage_changed")]
public sealed record DealStageChangedEto(Guid DealId, Guid? CustomerId, Guid FromStageId, Guid ToStageId, string ToStageName, DealState State);
