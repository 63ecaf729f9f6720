using System.Text.Json;
using HyperCrm.Framework.Data;
using HyperCrm.Robots.Domain.Bots;
using HyperCrm.Robots.Domain.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HyperCrm.Robots.Data;

public static class RobotsDbContextModelBuilderExtensions
{
    public static void ConfigureRobots(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        const string schema = RobotsDbContext.DbSchema;
        builder.Entity<Bot>(b =>
        {
            b.ToTable("bots", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.Key).HasMaxLength(60).IsRequired();
            b.Property(x => x.Name).HasMaxLength(Bot.MaxNameLength).IsRequired();
            b.Property(x => x.Description).HasMaxLength(Bot.MaxDescriptionLength);
            b.Property(x => x.Draft).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.UserName).HasMaxLength(200);
            b.Property(x => x.ProtectedPassword).HasMaxLength(2000);
            b.HasIndex(x => x.Key).IsUnique();
            b.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.BotId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(x => x.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Entity<BotVersion>(b =>
        {
            b.ToTable("bot_versions", schema);
            b.Property(x => x.Definition).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.PublishedBy).HasMaxLength(256).IsRequired();
            b.Property(x => x.Note).HasMaxLength(200);
            b.HasIndex(x => new { x.BotId, x.Number }).IsUnique();
        });
        builder.Entity<BotJob>(b =>
        {
            b.ToTable("bot_jobs", schema);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.BotKey).HasMaxLength(60).IsRequired();
            b.Property(x => x.BotName).HasMaxLength(Bot.MaxNameLength).IsRequired();
            b.Property(x => x.Parameters).HasColumnType("jsonb").IsRequired();
            b.Property(x => x.OrderNumber).HasMaxLength(40);
            b.Property(x => x.SourceKey).HasMaxLength(120);
            b.Property(x => x.RequestedBy).HasMaxLength(256).IsRequired();
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.LeaseOwner).HasMaxLength(120);
            b.Property(x => x.Outputs).HasColumnType("jsonb");
            b.Property(x => x.LastError).HasMaxLength(BotJob.MaxErrorLength);
            // Asking twice from the same rule step finds the first job.
            b.HasIndex(x => x.SourceKey).IsUnique();
            // The workers' claim: the next due job of a bot that is not paused.
            b.HasIndex(x => new { x.State, x.DueAt });
            b.HasIndex(x => x.OrderId);
            b.HasIndex(x => x.TaskId);
        });
        builder.Entity<BotRun>(b =>
        {
            b.ToTable("bot_runs", schema);
            b.Property(x => x.BotKey).HasMaxLength(60).IsRequired();
            b.Property(x => x.Worker).HasMaxLength(120).IsRequired();
            b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Error).HasMaxLength(BotJob.MaxErrorLength);
            b.Ignore(x => x.Steps);
            b.Property<List<BotRunStep>>("_steps").HasColumnName("steps").HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<BotRunStep>>(v, JsonSerializerOptions.Web) ?? new List<BotRunStep>(),
                new ValueComparer<List<BotRunStep>>((a, c) => ReferenceEquals(a, c), v => v.Count, v => v));
            b.HasIndex(x => x.JobId);
            b.HasIndex(x => new { x.BotId, x.StartedAt });
            b.HasIndex(x => x.OrderId);
            // The operations console's "failing repeatedly": the last half hour's runs.
            b.HasIndex(x => x.StartedAt);
        });
        builder.Entity<BotScreenshot>(b =>
        {
            b.ToTable("bot_screenshots", schema);
            b.Property(x => x.Path).HasMaxLength(20).IsRequired();
            b.HasIndex(x => x.RunId);
            b.HasIndex(x => x.TakenAt);
        });
        builder.ConfigureEventTables(schema);
    }
}
