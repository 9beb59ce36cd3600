using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Measures;

internal sealed class MeasureResultConfiguration : IEntityTypeConfiguration<MeasureResult>
{
    public void Configure(EntityTypeBuilder<MeasureResult> builder)
    {
        // A newer file updates a period in place; earlier periods stay.
        builder.HasIndex(r => new { r.MeasureId, r.Period }).IsUnique();
        builder.HasOne<ImportRecord>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}
