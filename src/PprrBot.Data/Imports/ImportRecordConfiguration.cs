using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.Imports;

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        // The same file imported twice as the same kind is recognised, not loaded again.
        builder.HasIndex(i => new { i.Sha256, i.Kind }).IsUnique();
        builder.Property(i => i.Sha256).HasMaxLength(64);
    }
}
