namespace HyperCrm.Sales.Deals;

public sealed record StageDto(Guid Id, string Name, int Order, int Probability, bool IsWon, bool IsLost);
