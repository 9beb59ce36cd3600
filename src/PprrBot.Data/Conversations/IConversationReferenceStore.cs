namespace PprrBot.Data.Conversations;

/// <summary>Saved conversation references, so the bot can reach people proactively after a restart.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Inserts or updates the reference for its conversation id.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The 1:1 (personal) conversation with a user, found by channel user id or Entra object id.</summary>
    Task<ConversationReference?> FindPersonalByUserAsync(string userIdOrAadObjectId, CancellationToken cancellationToken);

    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);
}
