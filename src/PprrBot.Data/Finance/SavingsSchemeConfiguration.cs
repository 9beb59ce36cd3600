using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Finance;

internal sealed class SavingsSchemeConfiguration : IEntityTypeConfiguration<SavingsScheme>
{
    public void Configure(EntityTypeBuilder<SavingsScheme> builder)
    {
        builder.HasIndex(s => new { s.Period, s.Scheme }).IsUnique();
        builder.HasOne<ImportRecord>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}
