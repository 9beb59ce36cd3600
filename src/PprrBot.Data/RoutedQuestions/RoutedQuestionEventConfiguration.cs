using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.RoutedQuestions;

internal sealed class RoutedQuestionEventConfiguration : IEntityTypeConfiguration<RoutedQuestionEvent>
{
    public void Configure(EntityTypeBuilder<RoutedQuestionEvent> builder) =>
        builder.HasIndex(e => new { e.RoutedQuestionId, e.At });
}
