namespace HyperCrm.Customers.Import;

public sealed record ImportErrorDto(int Row, string Message);
