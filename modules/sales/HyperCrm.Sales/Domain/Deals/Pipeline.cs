using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Deals;

/// <summary>A sales pipeline and its ordered stages (configurable; the seeded one is "Sales").</summary>
public sealed class Pipeline : AggregateRoot<Guid>
{
    private readonly List<Stage> _stages = [];

    public string Name { get; private set; } = string.Empty;
    public bool IsDefault { get; private set; }

    /// <summary>A stable name for a pipeline the system itself fills (<see cref="WebOrdersKey"/>); null for people's own.</summary>
    public string? Key { get; private set; }

    /// <summary>The pipeline the shop's orders are tracked in as deals, one per order.</summary>
    public const string WebOrdersKey = "web-orders";

    public IReadOnlyList<Stage> Stages => _stages;

    private Pipeline() { }

    public Pipeline(Guid id, string name, bool isDefault, IEnumerable<Stage> stages, string? key = null)
        : base(id)
    {
        Key = key;
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 100);
        IsDefault = isDefault;
        _stages.AddRange(stages);
        if (_stages.Count == 0) throw new BusinessException("Sales:PipelineNeedsStages", "A pipeline needs at least one stage.");
    }

    /// <summary>A new pipeline from open stages in order; "Won" and "Lost" are added at the end.</summary>
    public static Pipeline Create(string name, IReadOnlyList<(string Name, int Probability)> openStages, bool isDefault)
    {
        if (openStages.Count == 0) throw new BusinessException("Sales:PipelineNeedsStages", "A pipeline needs at least one open stage.");
        if (openStages.Select(s => s.Name.Trim().ToLowerInvariant()).Distinct().Count() != openStages.Count)
            throw new BusinessException("Sales:DuplicateStage", "Stage names must differ.");
        var stages = openStages.Select((s, i) => new Stage(Guid.CreateVersion7(), s.Name.Trim(), i + 1, s.Probability)).ToList();
        stages.Add(new Stage(Guid.CreateVersion7(), "Won", stages.Count + 1, 100, isWon: true));
        stages.Add(new Stage(Guid.CreateVersion7(), "Lost", stages.Count + 1, 0, isLost: true));
        return new Pipeline(Guid.CreateVersion7(), name.Trim(), isDefault, stages);
    }

    /// <summary>Adds an open stage before the won and lost stages.</summary>
    public Stage AddStage(string name, int probability)
    {
        if (FindStage(name) is not null) throw new BusinessException("Sales:DuplicateStage",
            $"The pipeline already has a stage named '{name.Trim()}'.");
        var order = _stages.Where(s => !s.IsWon && !s.IsLost).Select(s => s.Order).DefaultIfEmpty(0).Max() + 1;
        foreach (var closing in _stages.Where(s => s.Order >= order)) closing.MoveTo(closing.Order + 1);
        var stage = new Stage(Guid.CreateVersion7(), name.Trim(), order, probability);
        _stages.Add(stage);
        return stage;
    }

    public void ChangeStage(Guid stageId, string name, int probability)
    {
        var stage = _stages.FirstOrDefault(s => s.Id == stageId) ?? throw new EntityNotFoundException(typeof(Stage), stageId);
        if (FindStage(name) is { } other && other.Id != stageId) throw new BusinessException("Sales:DuplicateStage",
            $"Another stage is named '{name.Trim()}'.");
        stage.Change(name, probability);
    }

    /// <summary>Moves an open stage one place earlier (-1) or later (+1) among the open stages; Won and Lost stay last.</summary>
    public void MoveStage(Guid stageId, int offset)
    {
        var open = OpenStages().ToList();
        var index = open.FindIndex(s => s.Id == stageId);
        if (index < 0) throw StageNotOpen(stageId);
        var target = index + Math.Sign(offset);
        if (target < 0 || target >= open.Count) return;
        var (a, b) = (open[index], open[target]);
        var order = a.Order;
        a.MoveTo(b.Order);
        b.MoveTo(order);
    }

    /// <summary>
    /// Removes an open stage; its deals go to another open stage of this pipeline first (returned so the caller moves them).
    /// The last open stage, and Won and Lost, cannot be removed.
    /// </summary>
    public Stage RemoveStage(Guid stageId, Guid moveDealsTo)
    {
        var stage = OpenStages().FirstOrDefault(s => s.Id == stageId) ?? throw StageNotOpen(stageId);
        if (OpenStages().Count() == 1) throw new BusinessException("Sales:LastOpenStage", "A pipeline keeps at least one open stage.");
        var target = OpenStages().FirstOrDefault(s => s.Id == moveDealsTo && s.Id != stageId)
                     ?? throw new BusinessException("Sales:StageTargetRequired",
                         "Choose another open stage of this pipeline for the deals of the removed one.");
        _stages.Remove(stage);
        var next = 1;
        foreach (var remaining in _stages.OrderBy(s => s.Order)) remaining.MoveTo(next++);
        return target;
    }

    private IEnumerable<Stage> OpenStages() => _stages.Where(s => !s.IsWon && !s.IsLost).OrderBy(s => s.Order);

    private static BusinessException StageNotOpen(Guid stageId) =>
        new("Sales:StageNotOpen", "Only open stages can be moved or removed; Won and Lost always close the pipeline.",
            new Dictionary<string, object?> { ["stageId"] = stageId });

    public Stage FirstOpenStage => _stages.Where(s => !s.IsWon && !s.IsLost).OrderBy(s => s.Order).First();

    /// <summary>A stage by id or (case-insensitive) name.</summary>
    public Stage? FindStage(string idOrName) =>
        Guid.TryParse(idOrName, out var id)
            ? _stages.FirstOrDefault(s => s.Id == id)
            : _stages.FirstOrDefault(s => string.Equals(s.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
}
