using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Deals;

/// <summary>A sales pipeline and its ordered stages (configurable; the seeded one is "Sales").</summary>
public sealed class Pipeline : AggregateRoot<Guid>
{
    private readonly List<Stage> _stages = [];

    public string Name { get; private set; } = string.Empty;
    public bool IsDefault { get; private set; }
    public IReadOnlyList<Stage> Stages => _stages;

    private Pipeline() { }

    public Pipeline(Guid id, string name, bool isDefault, IEnumerable<Stage> stages)
        : base(id)
    {
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 100);
        IsDefault = isDefault;
        _stages.AddRange(stages);
        if (_stages.Count == 0) throw new BusinessException("Sales:PipelineNeedsStages", "A pipeline needs at least one stage.");
    }

    public Stage FirstOpenStage => _stages.Where(s => !s.IsWon && !s.IsLost).OrderBy(s => s.Order).First();

    /// <summary>A stage by id or (case-insensitive) name.</summary>
    public Stage? FindStage(string idOrName) =>
        Guid.TryParse(idOrName, out var id)
            ? _stages.FirstOrDefault(s => s.Id == id)
            : _stages.FirstOrDefault(s => string.Equals(s.Name, idOrName.Trim(), StringComparison.OrdinalIgnoreCase));
}

public sealed class Stage
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int Order { get; private set; }
    public int Probability { get; private set; }
    public bool IsWon { get; private set; }
    public bool IsLost { get; private set; }

    private Stage() { }

    public Stage(Guid id, string name, int order, int probability, bool isWon = false, bool isLost = false)
    {
        Id = id;
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 60);
        Order = order;
        Probability = Math.Clamp(probability, 0, 100);
        IsWon = isWon;
        IsLost = isLost;
    }
}
