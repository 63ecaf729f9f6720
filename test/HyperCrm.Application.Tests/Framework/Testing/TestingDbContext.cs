using HyperCrm.Framework.Data;
using HyperCrm.Framework.Domain;
using HyperCrm.Framework.Events;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Application.Tests.Framework.Testing;

public sealed class TestingDbContext(DbContextOptions<TestingDbContext> options, HyperDbContextDependencies dependencies)
    : HyperDbContext<TestingDbContext>(options, dependencies)
{
    public const string DbSchema = "testing";

    public override string Schema => DbSchema;

    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<WidgetNote> Notes => Set<WidgetNote>();
    public DbSet<HandledWidget> Handled => Set<HandledWidget>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>(b =>
        {
            b.ToTable("widgets", DbSchema);
            b.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        });
        modelBuilder.Entity<WidgetNote>(b => b.ToTable("widget_notes", DbSchema));
        modelBuilder.Entity<HandledWidget>(b => b.ToTable("handled_widgets", DbSchema).IsBulkCopied());
        modelBuilder.ConfigureEventTables(DbSchema);
    }
}

public sealed class Widget : AuditedAggregateRoot<Guid>
{
    public string Name { get; private set; } = string.Empty;

    private Widget() { }

    public Widget(Guid id, string name) : base(id)
    {
        Name = name;
        AddDistributedEvent(new WidgetCreatedEto(id, name));
    }

    /// <summary>Raises an event no module consumes.</summary>
    public void Archive() => AddDistributedEvent(new WidgetArchivedEto(Id));

    public void Rename(string name)
    {
        var old = Name;
        Name = name;
        AddLocalEvent(new WidgetRenamed(Id, old, name));
    }
}

public sealed class WidgetNote
{
    public Guid Id { get; set; }
    public Guid WidgetId { get; set; }
    public string Text { get; set; } = string.Empty;
}

/// <summary>One row per effect of the distributed handler: more rows than events would be a double effect.</summary>
public sealed class HandledWidget
{
    public Guid Id { get; set; }
    public Guid WidgetId { get; set; }
    public string Name { get; set; } = string.Empty;
}

public sealed record WidgetRenamed(Guid WidgetId, string OldName, string NewName);

/// <summary>An event with no consumer: it is never written to the outbox.</summary>
[EventName("testing.widget.archived")]
public sealed record WidgetArchivedEto(Guid WidgetId);

[EventName("testing.widget.created")]
public sealed record WidgetCreatedEto(Guid WidgetId, string Name);

/// <summary>Runs inside the saving transaction: writes a note, or throws for the name "boom".</summary>
public sealed class WidgetRenamedHandler(TestingDbContext db) : ILocalEventHandler<WidgetRenamed>
{
    public Task HandleEventAsync(WidgetRenamed eventData, CancellationToken cancellationToken)
    {
        if (eventData.NewName == "boom") throw new InvalidOperationException("The local handler refused the rename.");
        db.Notes.Add(new WidgetNote { Id = Guid.NewGuid(), WidgetId = eventData.WidgetId,
            Text = $"{eventData.OldName} -> {eventData.NewName}" });
        return Task.CompletedTask;
    }
}

public sealed class WidgetCreatedHandler(TestingDbContext db, FailurePlan failures) : IDistributedEventHandler<WidgetCreatedEto>
{
    public Task HandleEventAsync(WidgetCreatedEto eventData, CancellationToken cancellationToken)
    {
        db.Handled.Add(new HandledWidget { Id = Guid.NewGuid(), WidgetId = eventData.WidgetId, Name = eventData.Name });
        if (failures.ShouldFail()) throw new InvalidOperationException("The downstream system is down.");
        if (eventData.Name.StartsWith("poison-",
            StringComparison.Ordinal)) throw new InvalidOperationException("This widget can never be handled.");
        return Task.CompletedTask;
    }
}
