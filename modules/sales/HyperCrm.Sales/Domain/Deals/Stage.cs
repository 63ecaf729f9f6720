using HyperCrm.Framework.Domain;

namespace HyperCrm.Sales.Domain.Deals;

public sealed class Stage
{
    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int Order { get; private set; }
    public int Probability { get; private set; }
    public bool IsWon { get; private set; }
    public bool IsLost { get; private set; }

    private Stage() { }

    internal void MoveTo(int order) => Order = order;

    internal void Change(string name, int probability)
    {
        Name = Check.NotNullOrWhiteSpace(name, nameof(name), 60).Trim();
        Probability = IsWon ? 100 : IsLost ? 0 : Math.Clamp(probability, 0, 100);
    }

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
