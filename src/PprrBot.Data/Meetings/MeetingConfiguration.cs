using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasIndex(m => new { m.Committee, m.Date, m.Item }).IsUnique();
        builder.HasOne<ImportRecord>().WithMany().HasForeignKey(m => m.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}
