namespace HyperCrm.Activities;

public sealed record NotificationDto(Guid Id, string Title, string? Url, bool IsRead, DateTimeOffset CreatedAt);
