using System.Text.Json;
using HyperCrm.Customers.Customers;
using HyperCrm.Customers.Domain.Customers;
using HyperCrm.Customers.Domain.Import;
using HyperCrm.Customers.Domain.Timeline;
using HyperCrm.Customers.Import;
using HyperCrm.Framework.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HyperCrm.Customers.Data;

public static class CustomersDbContextModelBuilderExtensions
{
    private const string Schema = CustomersDbProperties.DbSchema;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static void ConfigureCustomers(this ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Customer>(b =>
        {
            b.ToTable("customers", Schema);
            b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.Segment).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.SegmentReason).HasMessageConversion();
            b.HasIndex(x => x.Segment).HasFilter("segment IS NOT NULL AND merged_into_id IS NULL");
            b.Property(x => x.Name).HasMaxLength(CustomerConsts.MaxNameLength).IsRequired();
            b.Property(x => x.Email).HasMaxLength(CustomerConsts.MaxEmailLength);
            b.Property(x => x.Phone).HasMaxLength(CustomerConsts.MaxPhoneLength);
            b.Property(x => x.Notes).HasMaxLength(CustomerConsts.MaxNotesLength);
            b.Property(x => x.ConsentSource).HasMaxLength(CustomerConsts.MaxConsentSourceLength);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.ComplexProperty(x => x.Address, a =>
            {
                a.Property(p => p.Country).HasColumnName("address_country").HasMaxLength(CustomerConsts.MaxCountryLength);
                a.Property(p => p.City).HasColumnName("address_city").HasMaxLength(CustomerConsts.MaxCityLength);
                a.Property(p => p.Line1).HasColumnName("address_line1").HasMaxLength(CustomerConsts.MaxAddressLineLength);
                a.Property(p => p.PostalCode).HasColumnName("address_postal_code").HasMaxLength(CustomerConsts.MaxPostalCodeLength);
            });
            b.OwnsMany(x => x.OtherContacts, p =>
            {
                p.ToTable("contact_points", Schema);
                p.WithOwner().HasForeignKey("CustomerId");
                p.Property<int>("Id");
                p.HasKey("CustomerId", "Id");
                p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
                p.Property(x => x.Value).HasMaxLength(CustomerConsts.MaxEmailLength).IsRequired();
                p.Property(x => x.Label).HasMaxLength(CustomerConsts.MaxContactLabelLength);
                // One email or phone belongs to one customer; merging moves a loser's contacts to the winner.
                p.HasIndex(x => new { x.Kind, x.Value }).IsUnique();
            });
            b.HasIndex(x => x.Email).HasFilter("email IS NOT NULL AND merged_into_id IS NULL");
            b.HasIndex(x => x.Phone).HasFilter("phone IS NOT NULL AND merged_into_id IS NULL");
            b.HasIndex(x => x.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_customers_name_trgm");
            b.HasIndex(x => x.Email).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_customers_email_trgm");
            b.HasIndex(x => x.Tags).HasMethod("gin");
            b.OwnsMany(x => x.PartnerViews, v =>
            {
                v.ToTable("partner_views", Schema);
                v.WithOwner().HasForeignKey("CustomerId");
                v.HasKey("CustomerId", nameof(PartnerView.PartnerId));
                v.Property(x => x.Name).HasMaxLength(CustomerConsts.MaxNameLength).IsRequired();
                v.Property(x => x.Email).HasMaxLength(CustomerConsts.MaxEmailLength);
                v.Property(x => x.Phone).HasMaxLength(CustomerConsts.MaxPhoneLength);
                v.Property(x => x.Notes).HasMaxLength(CustomerConsts.MaxNotesLength);
                v.Property(x => x.Stamp).HasMaxLength(40);
                v.Ignore(x => x.Address);
                v.Property(x => x.AddressCountry).HasMaxLength(CustomerConsts.MaxCountryLength);
                v.Property(x => x.AddressCity).HasMaxLength(CustomerConsts.MaxCityLength);
                v.Property(x => x.AddressLine1).HasMaxLength(CustomerConsts.MaxAddressLineLength);
                v.Property(x => x.AddressPostalCode).HasMaxLength(CustomerConsts.MaxPostalCodeLength);
                v.HasIndex(x => x.PartnerId);
            });
            b.HasIndex(x => x.PossibleDuplicateOfId).HasFilter("possible_duplicate_of_id IS NOT NULL");
            b.HasIndex(x => x.CompanyId);
        });
        builder.Entity<TimelineEntry>(b =>
        {
            b.ToTable("timeline_entries", Schema);
            b.Property(x => x.Module).HasMaxLength(40).IsRequired();
            b.Property(x => x.Kind).HasMaxLength(60).IsRequired();
            b.Property(x => x.Title).HasRequiredMessageConversion();
            b.Property(x => x.Actor).HasConversion<string>().HasMaxLength(16);
            b.Property(x => x.ActorName).HasMaxLength(200);
            b.Property(x => x.Reason).HasMessageConversion();
            b.Property(x => x.ReferenceKind).HasMaxLength(40);
            b.HasIndex(x => new { x.CustomerId, x.At });
        });
        builder.Entity<CustomerImport>(b =>
        {
            b.ToTable("imports", Schema);
            b.Property(x => x.FileName).HasMaxLength(200).IsRequired();
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.ConcurrencyStamp).HasMaxLength(40).IsConcurrencyToken();
            b.Property(x => x.Mapping).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<Dictionary<string, int>>(v,
                    JsonOptions) ?? new Dictionary<string, int>(),
                new ValueComparer<Dictionary<string, int>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
            b.Property(x => x.Errors).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions), v => JsonSerializer.Deserialize<List<ImportErrorDto>>(v,
                    JsonOptions) ?? new List<ImportErrorDto>(),
                new ValueComparer<List<ImportErrorDto>>((a, b) => ReferenceEquals(a, b), v => v.Count, v => v));
        });
        builder.ConfigureEventTables(Schema);
    }
}
