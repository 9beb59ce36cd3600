using System.Collections.Concurrent;

namespace PprrBot.Data.Conversations;

/// <summary>For tests and tools that need no database.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _byConversation = new(StringComparer.Ordinal);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        _byConversation[reference.ConversationId] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_byConversation.GetValueOrDefault(conversationId));

    public Task<ConversationReference?> FindPersonalByUserAsync(string userIdOrAadObjectId, CancellationToken cancellationToken) =>
        Task.FromResult(_byConversation.Values
            .Where(r => string.Equals(r.ConversationType, "personal", StringComparison.OrdinalIgnoreCase))
            .Where(r => r.UserId == userIdOrAadObjectId || string.Equals(r.UserAadObjectId, userIdOrAadObjectId, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.UpdatedAt)
            .FirstOrDefault());

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        _byConversation.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}
