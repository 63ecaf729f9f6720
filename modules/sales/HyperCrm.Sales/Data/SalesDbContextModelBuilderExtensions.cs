using HyperCrm.Framework.Data;
using HyperCrm.Framework.Localization;
using HyperCrm.Sales.Deals;
using HyperCrm.Sales.Domain.Deals;
using HyperCrm.Sales.Domain.Orders;
using HyperCrm.Sales.Domain.Products;
using HyperCrm.Sales.Orders;
using Microsoft.EntityFrameworkCore;

namespace HyperCrm.Sales.Data;

public static class SalesDbContextModelBuilderExtensions
{
    private const string Schema = SalesDbProperties.DbSchema;

    public static void ConfigureSales(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasSequence<long>(SalesDbProperties.OrderNumbers, Schema).StartsAt(1001);
        builder.Entity<Order>(b =>
        {
            b.ToTable("orders", Schema);
            b.Property(x => x.ExternalId).HasMaxLength(OrderConsts.MaxExternalIdLength);
            b.Property(x => x.CustomerName).HasMaxLength(200).IsRequired();
            b.Property(x => x.Currency).HasMaxLength(3).IsRequired();
            b.Property(x => x.PaymentMethod).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.Payment).HasConversion<string>().HasMaxLength(20);
            b.Property(x => x.RiskScore).HasPrecision(5, 4);
            b.Property(x => x.RiskModel).HasMaxLength(40);
            b.Property(x => x.RiskReasons).HasColumnType("jsonb").HasConversion(v => Message.ToJsonArray(v), v => Message.FromJsonArray(v),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<Message>>((a, c) => a!.SequenceEqual(c!),
                    v => v.Aggregate(0, (h, m) => HashCode.Combine(h, m.GetHashCode())), v => v.ToList()));
            b.Property(x => x.PaymentReason).HasMaxLength(OrderConsts.MaxPaymentReasonLength);
            b.Property(x => x.Total).HasPrecision(18, 2);
            b.Property(x => x.TrackingNumber).HasMaxLength(OrderConsts.MaxTrackingNumberLength);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.ComplexProperty(x => x.ShippingAddress, a =>
            {
                a.Property(p => p.Country).HasColumnName("ship_country").HasMaxLength(2);
                a.Property(p => p.City).HasColumnName("ship_city").HasMaxLength(100);
                a.Property(p => p.Line1).HasColumnName("ship_line1").HasMaxLength(200);
                a.Property(p => p.PostalCode).HasColumnName("ship_postal_code").HasMaxLength(20);
            });
            b.OwnsMany(x => x.Lines, l =>
            {
                l.ToTable("order_lines", Schema);
                l.WithOwner().HasForeignKey("OrderId");
                l.Property<int>("Id");
                l.HasKey("Id");
                l.Property(p => p.Sku).HasMaxLength(OrderConsts.MaxSkuLength);
                l.Property(p => p.Name).HasMaxLength(200);
                l.Property(p => p.UnitPrice).HasPrecision(18, 2);
                l.Property(p => p.LineTotal).HasPrecision(18, 2);
            });
            b.OwnsMany(x => x.Steps, s =>
            {
                s.ToTable("order_steps", Schema);
                s.WithOwner().HasForeignKey("OrderId");
                s.Property<int>("Id");
                s.HasKey("Id");
                s.Property(p => p.What).HasMaxLength(60);
                s.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
                s.Property(p => p.ActorKind).HasConversion<string>().HasMaxLength(16);
                s.Property(p => p.ActorName).HasMaxLength(200);
                s.Property(p => p.Reason).HasMessageConversion();
            });
            b.Navigation(x => x.Lines).AutoInclude();
            b.Navigation(x => x.Steps).AutoInclude();
            b.HasIndex(x => x.Number).IsUnique();
            b.HasIndex(x => new { x.PartnerId, x.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
            b.HasIndex(x => new { x.Status, x.Id });
            b.HasIndex(x => new { x.PartnerId, x.Id });
            b.HasIndex(x => x.CustomerId);
        });
        builder.Entity<Product>(b =>
        {
            b.ToTable("products", Schema);
            b.Property(x => x.Sku).HasMaxLength(OrderConsts.MaxSkuLength).IsRequired();
            b.Property(x => x.Name).HasMaxLength(200).IsRequired();
            b.Property(x => x.Price).HasPrecision(18, 2);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Ignore(x => x.Available);
            b.HasIndex(x => x.Sku).IsUnique();
        });
        builder.Entity<Pipeline>(b =>
        {
            b.ToTable("pipelines", Schema);
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.Property(x => x.Key).HasMaxLength(40);
            b.HasIndex(x => x.Key).IsUnique().HasFilter("key IS NOT NULL");
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.OwnsMany(x => x.Stages, s =>
            {
                s.ToTable("pipeline_stages", Schema);
                s.WithOwner().HasForeignKey("PipelineId");
                s.HasKey(p => p.Id);
                s.Property(p => p.Id).ValueGeneratedNever();
                s.Property(p => p.Name).HasMaxLength(60);
            });
            b.Navigation(x => x.Stages).AutoInclude();
        });
        builder.Entity<Deal>(b =>
        {
            b.ToTable("deals", Schema);
            b.Property(x => x.Title).HasMaxLength(DealConsts.MaxTitleLength).IsRequired();
            b.Property(x => x.Amount).HasPrecision(18, 2);
            b.Property(x => x.Currency).HasMaxLength(3);
            b.Property(x => x.State).HasConversion<string>().HasMaxLength(10);
            b.Property(x => x.LostReason).HasMaxLength(DealConsts.MaxLostReasonLength);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.HasIndex(x => new { x.PipelineId, x.StageId });
            b.HasIndex(x => new { x.PartnerId, x.Id });
            b.HasIndex(x => x.CustomerId);
            b.HasIndex(x => x.OwnerId);
            b.HasIndex(x => x.OrderId).IsUnique().HasFilter("order_id IS NOT NULL");
        });
        builder.ConfigureEventTables(Schema);
    }
}
