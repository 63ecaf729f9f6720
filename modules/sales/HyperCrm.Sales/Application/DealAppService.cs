using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Timeline;
using HyperCrm.Framework.Application;
using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using HyperCrm.Sales.Data;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Domain.Deals;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Application;

public sealed class DealAppService(SalesDbContext db, ICustomerIntegrationService customers, ICurrentUser currentUser,
    TimeProvider clock) : IDealAppService
{
    public async Task<BoardDto> GetBoardAsync(Guid? pipelineId, Guid? ownerId, CancellationToken cancellationToken = default)
    {
        var pipelines = await db.Pipelines.AsNoTracking().OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var pipeline = pipelines.FirstOrDefault(p => p.Id == pipelineId) ?? pipelines.FirstOrDefault()
                       ?? throw new BusinessException("Sales:NoPipeline", "No pipeline is configured.");
        var query = db.Deals.AsNoTracking().Where(d => d.PipelineId == pipeline.Id);
        if (ownerId is { } owner) query = query.Where(d => d.OwnerId == owner);
        var deals = await query.OrderByDescending(d => d.Amount).ThenBy(d => d.Id).Take(2000).ToListAsync(cancellationToken);
        var columns = pipeline.Stages.OrderBy(s => s.Order).Select(stage =>
        {
            var inStage = deals.Where(d => d.StageId == stage.Id).Select(d => ToDto(d, pipeline)).ToList();
            return new BoardColumnDto(ToDto(stage), inStage.Sum(d => d.Amount), inStage);
        }).ToList();
        return new BoardDto(ToDto(pipeline), pipelines.Select(ToDto).ToList(), columns);
    }

    public async Task<IReadOnlyList<PipelineDto>> GetPipelinesAsync(CancellationToken cancellationToken = default) =>
        (await db.Pipelines.AsNoTracking().OrderByDescending(p => p.IsDefault).ThenBy(p => p.Name).ToListAsync(cancellationToken))
            .Select(ToDto).ToList();

    public async Task<PipelineDto> CreatePipelineAsync(string name, IReadOnlyList<(string Name, int Probability)> openStages,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new BusinessException("Sales:PipelineNameRequired", "A pipeline needs a name.");
        if (await db.Pipelines.AnyAsync(p => p.Name == name.Trim(), cancellationToken))
            throw new BusinessException("Sales:DuplicatePipeline", $"A pipeline named '{name.Trim()}' exists.");
        var pipeline = Pipeline.Create(name, openStages, isDefault: !await db.Pipelines.AnyAsync(cancellationToken));
        db.Pipelines.Add(pipeline);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(pipeline);
    }

    public async Task<PipelineDto> AddStageAsync(Guid pipelineId, string name, int probability,
        CancellationToken cancellationToken = default)
    {
        var pipeline = await TrackedPipelineAsync(pipelineId, cancellationToken);
        pipeline.AddStage(name, probability);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(pipeline);
    }

    public async Task<PipelineDto> ChangeStageAsync(Guid pipelineId, Guid stageId, string name, int probability,
        CancellationToken cancellationToken = default)
    {
        var pipeline = await TrackedPipelineAsync(pipelineId, cancellationToken);
        pipeline.ChangeStage(stageId, name, probability);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(pipeline);
    }

    public async Task<PipelineDto> MoveStageAsync(Guid pipelineId, Guid stageId, int offset, CancellationToken cancellationToken = default)
    {
        var pipeline = await TrackedPipelineAsync(pipelineId, cancellationToken);
        pipeline.MoveStage(stageId, offset);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(pipeline);
    }

    public async Task<PipelineDto> RemoveStageAsync(Guid pipelineId, Guid stageId, Guid moveDealsTo,
        CancellationToken cancellationToken = default)
    {
        var pipeline = await TrackedPipelineAsync(pipelineId, cancellationToken);
        var target = pipeline.RemoveStage(stageId, moveDealsTo);
        var (actor, name) = Actors.From(currentUser);
        var now = clock.GetUtcNow();
        // One transaction: the stage goes and its deals move together, each with its usual event and timeline entry.
        foreach (var deal in await db.Deals.Where(d => d.StageId == stageId).ToListAsync(cancellationToken))
            deal.MoveTo(target, null, actor, name, now);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(pipeline);
    }

    private async Task<Pipeline> TrackedPipelineAsync(Guid pipelineId, CancellationToken cancellationToken) =>
        await db.Pipelines.FirstOrDefaultAsync(p => p.Id == pipelineId,
            cancellationToken) ?? throw new EntityNotFoundException(typeof(Pipeline), pipelineId);

    public async Task<DealDto> GetAsync(Guid id, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        var deal = await FindVisibleAsync(id, partnerId, tracking: false, cancellationToken);
        return ToDto(deal, await PipelineAsync(deal.PipelineId, cancellationToken));
    }

    public async Task<IReadOnlyList<DealDto>> GetForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var deals = await db.Deals.AsNoTracking().Where(d => d.CustomerId == customerId).OrderByDescending(d => d.Id).Take(100)
            .ToListAsync(cancellationToken);
        var pipelines = await db.Pipelines.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        return deals.Select(d => ToDto(d, pipelines[d.PipelineId])).ToList();
    }

    public async Task<PagedResultDto<DealDto>> GetListAsync(GetDealListInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var query = db.Deals.AsNoTracking();
        if (input.State is { } state) query = query.Where(d => d.State == state);
        if (input.StageId is { } stage) query = query.Where(d => d.StageId == stage);
        if (input.OwnerId is { } owner) query = query.Where(d => d.OwnerId == owner);
        if (!string.IsNullOrWhiteSpace(input.Filter)) query = query.Where(d => EF.Functions.ILike(d.Title,
            LikePattern.Contains(input.Filter.Trim()), LikePattern.EscapeCharacter));
        var total = await query.Take(PagedInput.CountCap + 1).LongCountAsync(cancellationToken);
        var deals = await query.OrderByDescending(d => d.Amount).ThenBy(d => d.Id).Skip(input.Skip).Take(input.Take)
            .ToListAsync(cancellationToken);
        var pipelines = await db.Pipelines.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        return new PagedResultDto<DealDto>(total, deals.Select(d => ToDto(d,
            pipelines[d.PipelineId])).ToList()) { TotalIsLowerBound = total > PagedInput.CountCap };
    }

    public async Task<DealCursorPageDto> GetPageAsync(Guid? partnerId, int limit, string? cursor,
        CancellationToken cancellationToken = default)
    {
        var query = db.Deals.AsNoTracking();
        if (partnerId is { } partner) query = query.Where(d => d.PartnerId == partner);
        var (page, next) = await query.ToKeysetPageAsync(cursor, limit, cancellationToken);
        var pipelines = await db.Pipelines.AsNoTracking().ToDictionaryAsync(p => p.Id, cancellationToken);
        return new DealCursorPageDto(page.Select(d => ToDto(d, pipelines[d.PipelineId])).ToList(), next);
    }

    public async Task<DealDto> CreateAsync(CreateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Title))
            throw new BusinessException("Sales:TitleRequired", "A deal needs a title.",
                new Dictionary<string, object?> { ["field"] = "title" });
        var pipeline = input.PipelineId is { } pipelineId
            ? await PipelineAsync(pipelineId, cancellationToken)
            : await db.Pipelines.AsNoTracking().OrderByDescending(p => p.IsDefault).FirstOrDefaultAsync(cancellationToken)
              ?? throw new BusinessException("Sales:NoPipeline", "No pipeline is configured.");
        await CheckReferencesAsync(input, partnerId, cancellationToken);
        var stage = input.Stage is { Length: > 0 } wanted ? StageOrThrow(pipeline, wanted) : pipeline.FirstOpenStage;
        var deal = new Deal(Guid.CreateVersion7(), input.Title, input.Amount ?? 0, input.Currency ?? "RUB", pipeline, stage, partnerId);
        deal.Assign(input.CustomerId, input.OwnerId ?? currentUser.Id);
        deal.SetExpectedClose(input.ExpectedClose);
        if (input.Probability is { } probability) deal.SetProbability(probability);
        db.Deals.Add(deal);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(deal, pipeline);
    }

    public async Task<DealDto> UpdateAsync(Guid id, UpdateDealDto input, Guid? partnerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deal = await FindVisibleAsync(id, partnerId, tracking: true, cancellationToken);
        await CheckReferencesAsync(input, partnerId, cancellationToken);
        if (input.ConcurrencyStamp is { Length: > 0 } stamp) db.Entry(deal).Property(d => d.ConcurrencyStamp).OriginalValue = stamp;
        var pipeline = await PipelineAsync(deal.PipelineId, cancellationToken);
        if (input.Title is not null) deal.Rename(input.Title);
        if (input.Amount is not null || input.Currency is not null) deal.SetAmount(input.Amount ?? deal.Amount,
            input.Currency ?? deal.Currency);
        deal.Assign(input.CustomerId, input.OwnerId);
        if (input.ExpectedClose is not null) deal.SetExpectedClose(input.ExpectedClose);
        if (input.Stage is { Length: > 0 } wanted)
        {
            var (actor, name) = Actors.From(currentUser);
            deal.MoveTo(StageOrThrow(pipeline, wanted), input.LostReason, actor, name, clock.GetUtcNow());
        }
        if (input.Probability is { } probability) deal.SetProbability(probability);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(deal, pipeline);
    }

    /// <summary>
    /// A deal's owner is staff's choice: a partner sending one is refused. Its customer must exist and, for a partner, be
    /// one of the partner's own customers (else the same answer as for an id that does not exist).
    /// </summary>
    private async Task CheckReferencesAsync(DealInputBase input, Guid? partnerId, CancellationToken cancellationToken)
    {
        if (partnerId is not null && input.OwnerId is not null)
            throw Refused("ownerId", "The owner is assigned by staff; a partner cannot set it.");
        if (input.CustomerId is not { } customerId || customerId == Guid.Empty) return;
        var known = partnerId is { } partner
            ? await customers.IsVisibleToPartnerAsync(customerId, partner, cancellationToken)
            : await customers.FindAsync(customerId, cancellationToken) is not null;
        if (!known) throw Refused("customerId", "No customer with this id.");
    }

    private static BusinessException Refused(string field, string message) => BusinessException.ForField("Sales:InvalidReference", field,
        message);

    private static Stage StageOrThrow(Pipeline pipeline, string idOrName) =>
        pipeline.FindStage(idOrName) ?? throw new BusinessException("Sales:UnknownStage",
            $"Unknown stage '{idOrName}'; the stages are: {string.Join(", ", pipeline.Stages.OrderBy(s => s.Order).Select(s => s.Name))}.");

    private async Task<Pipeline> PipelineAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Pipelines.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id,
            cancellationToken) ?? throw new EntityNotFoundException(typeof(Pipeline), id);

    private async Task<Deal> FindVisibleAsync(Guid id, Guid? partnerId, bool tracking, CancellationToken cancellationToken)
    {
        var query = tracking ? db.Deals : db.Deals.AsNoTracking();
        var deal = await query.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (deal is null || !deal.IsVisibleTo(partnerId)) throw new EntityNotFoundException(typeof(Deal), id);
        return deal;
    }

    private static DealDto ToDto(Deal d, Pipeline p) => new(
        d.Id, d.Title, d.Amount, d.Currency, d.PipelineId, d.StageId, p.Stages.FirstOrDefault(s => s.Id == d.StageId)?.Name ?? "?", d.State,
        d.Probability, d.CustomerId, d.OwnerId, d.ExpectedClose, d.LostReason, d.CreationTime, d.ConcurrencyStamp);

    private static StageDto ToDto(Stage s) => new(s.Id, s.Name, s.Order, s.Probability, s.IsWon, s.IsLost);

    private static PipelineDto ToDto(Pipeline p) => new(p.Id, p.Name, p.Stages.OrderBy(s => s.Order).Select(ToDto).ToList());
}
