using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.RoutedQuestions;

internal sealed class RoutedQuestionConfiguration : IEntityTypeConfiguration<RoutedQuestion>
{
    public void Configure(EntityTypeBuilder<RoutedQuestion> builder)
    {
        builder.HasIndex(q => q.Reference).IsUnique();
        builder.HasIndex(q => q.SourceKey).IsUnique();
        builder.HasIndex(q => new { q.Status, q.AnswerBy });
        builder.HasIndex(q => q.MemberAadObjectId);
        builder.HasIndex(q => new { q.MeetingDate, q.Committee });

        // A plain integer token (not PostgreSQL's xmin) so both providers check it the same way.
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasMany(q => q.History).WithOne().HasForeignKey(e => e.RoutedQuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
