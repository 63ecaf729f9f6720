using HyperCrm.Activities.Data;
using HyperCrm.Activities.Domain;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Security;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Activities.Application;

public sealed class NoteAppService(ActivitiesDbContext db, ICurrentUser currentUser, TimeProvider clock) : INoteAppService
{
    public async Task<NoteDto> AddAsync(LinkKind linkKind, Guid linkId, string text, Guid? customerId = null,
        CancellationToken cancellationToken = default)
    {
        if (linkKind == LinkKind.None || linkId == Guid.Empty) throw new BusinessException("Activities:NoteNeedsSubject",
            "A note is about a customer, deal or order.");
        if (string.IsNullOrWhiteSpace(text) || text.Length > Note.MaxTextLength)
            throw new BusinessException("Activities:NoteText", $"A note holds 1 to {Note.MaxTextLength} characters.");
        var note = new Note(Guid.CreateVersion7(), text, linkKind, linkId, customerId, currentUser.UserName ?? "?", clock.GetUtcNow());
        db.Notes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(note);
    }

    public async Task<IReadOnlyList<NoteDto>> GetForAsync(LinkKind linkKind, Guid linkId, CancellationToken cancellationToken = default) =>
        (await db.Notes.AsNoTracking().Where(n => n.LinkKind == linkKind && n.LinkId == linkId).OrderByDescending(n => n.Id).Take(100)
            .ToListAsync(cancellationToken))
        .Select(ToDto).ToList();

    private static NoteDto ToDto(Note n) => new(n.Id, n.Text, n.LinkKind, n.LinkId, n.AuthorName, n.CreationTime);
}
