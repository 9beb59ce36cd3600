using Microsoft.Extensions.Options;
using PprrBot.Data.Conversations;

namespace PprrBot.Protocol;

/// <summary>
/// Proactive messages for other features (notifying officers, refreshing cards, chair summaries). A singleton, safe to
/// share. Failures throw <see cref="ConnectorException"/> with Teams' status and error code.
/// </summary>
public interface IConversationSender
{
    /// <summary>Sends to a saved conversation; returns the id of the last activity sent (the card, if any).</summary>
    Task<string?> SendAsync(string conversationId, BotMessage message, CancellationToken cancellationToken);

    /// <summary>Sends to the conversation a reference points to.</summary>
    Task<string?> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot sent earlier (e.g. a card after its buttons were used). Safe to repeat.</summary>
    Task UpdateAsync(string conversationId, string activityId, BotMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Opens (or finds) the 1:1 chat with a user who has the app installed, saves its reference and returns its id.
    /// </summary>
    Task<string> CreatePersonalConversationAsync(string userId, string tenantId, string serviceUrl, CancellationToken cancellationToken);
}

internal sealed class ConversationSender(
    IConnectorClient connector,
    IConversationReferenceStore references,
    IOptions<BotOptions> options,
    [FromKeyedServices(TurnHandler.SavedReferencesKey)] RedeliveryFilter savedReferences,
    TimeProvider time) : IConversationSender
{
    public async Task<string?> SendAsync(string conversationId, BotMessage message, CancellationToken cancellationToken)
    {
        var reference = await references.FindByConversationAsync(conversationId, cancellationToken)
                        ?? throw new ConnectorException("No saved conversation with that id.", null, "ConversationNotFound");
        return await SendAsync(reference, message, cancellationToken);
    }

    public async Task<string?> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken)
    {
        string? lastId = null;
        try
        {
            foreach (var activity in OutboundActivities.From(message, BotAccount(reference), null, reference.ConversationId))
            {
                lastId = await connector.SendToConversationAsync(reference.ServiceUrl, reference.ConversationId, activity, cancellationToken);
            }
        }
        catch (ConnectorException ex) when (ex.Code is "BotNotInConversationRoster" or "ConversationNotFound")
        {
            // Uninstalled or gone (protocol.md §3.4): forget it, so the next attempt creates or waits for a new one.
            savedReferences.Forget(reference.ConversationId);
            await references.RemoveAsync(reference.ConversationId, cancellationToken);
            throw;
        }

        return lastId;
    }

    public async Task UpdateAsync(string conversationId, string activityId, BotMessage message, CancellationToken cancellationToken)
    {
        var reference = await references.FindByConversationAsync(conversationId, cancellationToken)
                        ?? throw new ConnectorException("No saved conversation with that id.", null, "ConversationNotFound");
        var activity = OutboundActivities.ForUpdate(message, BotAccount(reference), conversationId, activityId);
        await connector.UpdateActivityAsync(reference.ServiceUrl, conversationId, activityId, activity, cancellationToken);
    }

    public async Task<string> CreatePersonalConversationAsync(
        string userId, string tenantId, string serviceUrl, CancellationToken cancellationToken)
    {
        var existing = await references.FindPersonalByUserAsync(userId, cancellationToken);
        if (existing is not null && string.Equals(existing.ServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return existing.ConversationId;
        }

        var bot = new ChannelAccount { Id = BotId() };
        var created = await connector.CreateConversationAsync(
            serviceUrl,
            new ConversationParameters
            {
                IsGroup = false,
                Bot = bot,
                Members = [new ChannelAccount { Id = userId }],
                TenantId = tenantId,
                ChannelData = new() { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tenantId } },
            },
            cancellationToken);

        // Saved so the next message to this user does not create the conversation again (protocol.md §3.4).
        savedReferences.Forget(created.Id ?? "");
        await references.SaveAsync(
            new ConversationReference
            {
                ConversationId = created.Id!,
                ConversationType = "personal",
                ServiceUrl = created.ServiceUrl ?? serviceUrl,
                ChannelId = "msteams",
                TenantId = tenantId,
                BotId = bot.Id,
                UserId = userId,
                UpdatedAt = time.GetUtcNow(),
            },
            cancellationToken);
        return created.Id!;
    }

    private ChannelAccount BotAccount(ConversationReference reference) => new() { Id = reference.BotId ?? BotId() };

    private string BotId() => "28:" + options.Value.AppId;
}
