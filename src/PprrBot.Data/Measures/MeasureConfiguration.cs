using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.Measures;

internal sealed class MeasureConfiguration : IEntityTypeConfiguration<Measure>
{
    public void Configure(EntityTypeBuilder<Measure> builder)
    {
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasMany(m => m.Results).WithOne(r => r.Measure).HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
