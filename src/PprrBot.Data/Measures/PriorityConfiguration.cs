using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.Measures;

internal sealed class PriorityConfiguration : IEntityTypeConfiguration<Priority>
{
    public void Configure(EntityTypeBuilder<Priority> builder)
    {
        builder.HasIndex(p => new { p.Portfolio, p.Number }).IsUnique();
        builder.HasMany(p => p.Measures).WithOne(m => m.Priority).HasForeignKey(m => m.PriorityId).OnDelete(DeleteBehavior.Restrict);
    }
}
