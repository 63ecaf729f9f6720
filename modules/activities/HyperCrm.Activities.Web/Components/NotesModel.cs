namespace HyperCrm.Activities.Web.Components;

public sealed record NotesModel(LinkKind Kind, Guid Id, Guid? CustomerId, IReadOnlyList<NoteDto> Notes, bool ShowList, bool CanAdd,
    string ReturnUrl);
