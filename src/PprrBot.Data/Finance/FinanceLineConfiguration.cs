using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Finance;

internal sealed class FinanceLineConfiguration : IEntityTypeConfiguration<FinanceLine>
{
    public void Configure(EntityTypeBuilder<FinanceLine> builder)
    {
        builder.HasIndex(f => new { f.Period, f.Service, f.Line }).IsUnique();
        builder.HasOne<ImportRecord>().WithMany().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}
