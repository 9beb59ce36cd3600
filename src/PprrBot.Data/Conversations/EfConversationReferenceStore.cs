using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PprrBot.Data.Conversations;

/// <summary>Conversation references in the database, so proactive messages survive a restart and work across instances.</summary>
internal sealed class EfConversationReferenceStore(IServiceScopeFactory scopes) : IConversationReferenceStore
{
    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return scopes.WithContextAsync(db => SaveAsync(db, reference, cancellationToken));
    }

    public Task<ConversationReference?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db =>
            db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken));

    public Task<ConversationReference?> FindPersonalByUserAsync(string userIdOrAadObjectId, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(async db =>
        {
            var lowered = userIdOrAadObjectId.ToLowerInvariant();
            var candidates = await db.ConversationReferences.AsNoTracking()
                .Where(r => r.ConversationType == "personal")
                .Where(r => r.UserId == userIdOrAadObjectId || r.UserAadObjectId == userIdOrAadObjectId || r.UserAadObjectId == lowered)
                .ToListAsync(cancellationToken);
            return candidates.OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
        });

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => db.ConversationReferences.Where(r => r.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken));

    private static async Task SaveAsync(PprrDbContext db, ConversationReference reference, CancellationToken cancellationToken)
    {
        var existing = await db.ConversationReferences.FirstOrDefaultAsync(r => r.ConversationId == reference.ConversationId, cancellationToken);
        if (existing is null)
        {
            db.ConversationReferences.Add(Copy(reference, new ConversationReference { ConversationId = reference.ConversationId, ServiceUrl = reference.ServiceUrl, ChannelId = reference.ChannelId }));
        }
        else
        {
            Copy(reference, existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Another request saved the same conversation first: update that row instead.
            db.ChangeTracker.Clear();
            var winner = await db.ConversationReferences.FirstAsync(r => r.ConversationId == reference.ConversationId, cancellationToken);
            Copy(reference, winner);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static ConversationReference Copy(ConversationReference from, ConversationReference to)
    {
        to.ConversationType = from.ConversationType;
        to.ServiceUrl = from.ServiceUrl;
        to.ChannelId = from.ChannelId;
        to.TenantId = from.TenantId;
        to.BotId = from.BotId;
        to.UserId = from.UserId;
        to.UserAadObjectId = from.UserAadObjectId;
        to.UpdatedAt = from.UpdatedAt.ToUniversalTime();
        return to;
    }
}
