using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace PprrBot.Data.Conversations;

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> builder)
    {
        builder.HasIndex(r => r.ConversationId).IsUnique();
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => r.UserAadObjectId);
    }
}
