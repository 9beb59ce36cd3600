using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PprrBot.Data.Conversations;

/// <summary>Conversation references in the database, so proactive messages survive a restart and work across instances.</summary>
internal sealed class EfConversationReferenceStore(IServiceScopeFactory scopes) : IConversationReferenceStore
{
    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
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

    public async Task<ConversationReference?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
        return await db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.ConversationId == conversationId, cancellationToken);
    }

    public async Task<ConversationReference?> FindPersonalByUserAsync(string userIdOrAadObjectId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
        var lowered = userIdOrAadObjectId.ToLowerInvariant();
        var candidates = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == "personal")
            .Where(r => r.UserId == userIdOrAadObjectId || r.UserAadObjectId == userIdOrAadObjectId || r.UserAadObjectId == lowered)
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(r => r.UpdatedAt).FirstOrDefault();
    }

    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
        await db.ConversationReferences.Where(r => r.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
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
