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
        builder.HasMany(q => q.History).WithOne().HasForeignKey(e => e.RoutedQuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
