namespace HyperCrm.Activities;

public sealed record NoteDto(Guid Id, string Text, LinkKind LinkKind, Guid LinkId, string AuthorName, DateTimeOffset CreationTime);
