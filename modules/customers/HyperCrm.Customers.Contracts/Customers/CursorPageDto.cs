namespace HyperCrm.Customers.Customers;

/// <summary>A page of a cursor-paged API list.</summary>
public sealed record CursorPageDto<T>(IReadOnlyList<T> Items, string? NextCursor);
