using System.Text.Json;
using System.Text.Json.Nodes;
using PprrBot.Data;
using PprrBot.Data.Conversations;

namespace PprrBot.Protocol;

/// <summary>The answer to an invoke: the HTTP status and JSON body, with no envelope (protocol.md §1.4).</summary>
internal sealed record InvokeResponse(int Status, JsonNode? Body = null);

/// <summary>
/// One turn: translate the authenticated activity into the plain types of BotContracts, call the feature, send what
/// it answers. Route methods stay a few lines; features never see an Activity.
/// </summary>
internal sealed class TurnHandler(
    IMessageResponder responder,
    IEnumerable<ICardActionHandler> cardActionHandlers,
    IEnumerable<IFileConsentHandler> fileConsentHandlers,
    IConversationReferenceStore references,
    PprrDataReadiness readiness,
    IConnectorClient connector,
    RedeliveryFilter redelivery,
    [FromKeyedServices(TurnHandler.SavedReferencesKey)] RedeliveryFilter savedReferences,
    TimeProvider time,
    ILogger<TurnHandler> logger)
{
    /// <summary>The references this instance saved lately (conversation id → what was saved), to skip rewriting them.</summary>
    public const string SavedReferencesKey = "saved-conversation-references";

    public const string FriendlyError = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment.";

    private const string ErrorType = "application/vnd.microsoft.error";

    public async Task HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            // Answers come from the snapshot: a message that arrives during start-up waits for it (ADR-011).
            await readiness.WhenSnapshotReadyAsync(cancellationToken);
            switch (activity.Type)
            {
                case "message":
                    // The reference is saved after the answer, so the answer never waits on a database write.
                    try
                    {
                        await OnMessageAsync(activity, cancellationToken);
                    }
                    finally
                    {
                        await SaveReferenceAsync(activity, cancellationToken);
                    }

                    break;
                case "conversationUpdate":
                    await OnConversationUpdateAsync(activity, cancellationToken);
                    break;
                case "installationUpdate":
                    await OnInstallationUpdateAsync(activity, cancellationToken);
                    break;
                default:
                    await SaveReferenceAsync(activity, cancellationToken);
                    ProtocolLog.ActivityIgnored(logger, activity.Type, activity.Conversation?.Id, activity.Id);
                    break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            ProtocolLog.TurnFailed(logger, ex, activity.Type, activity.Conversation?.Id, activity.Id);
            await TrySendFriendlyErrorAsync(activity, cancellationToken);
        }
    }

    public async Task<InvokeResponse> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        // Saved first: a file consent answer sends to this conversation through its saved reference.
        await readiness.WhenSnapshotReadyAsync(cancellationToken);
        await SaveReferenceAsync(activity, cancellationToken);
        return activity.Name switch
        {
            "adaptiveCard/action" => await OnAdaptiveCardActionAsync(activity, cancellationToken),
            "fileConsent/invoke" => await OnFileConsentAsync(activity, cancellationToken),
            _ => new InvokeResponse(StatusCodes.Status501NotImplemented),
        };
    }

    private async Task OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        var message = new IncomingMessage(
            MentionText.StripBotMention(activity),
            activity.Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value ? value.Clone() : null,
            SenderOf(activity),
            activity.Conversation?.Id ?? "",
            activity.Id ?? "",
            activity.ReplyToId,
            IsPersonal(activity));
        var replies = await responder.RespondAsync(message, cancellationToken);
        await ReplyAsync(activity, replies, cancellationToken);
    }

    private async Task OnConversationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await RemoveReferenceAsync(activity, cancellationToken);
            return;
        }

        await SaveReferenceAsync(activity, cancellationToken);
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            await WelcomeAsync(activity, cancellationToken);
        }
    }

    private async Task OnInstallationUpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
        {
            await RemoveReferenceAsync(activity, cancellationToken);
            return;
        }

        await SaveReferenceAsync(activity, cancellationToken);
        if (activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true)
        {
            await WelcomeAsync(activity, cancellationToken);
        }
    }

    // Teams sends both installationUpdate and conversationUpdate for one install: greet once.
    private Task WelcomeAsync(Activity activity, CancellationToken cancellationToken) =>
        redelivery.TryFirstSighting($"welcome|{activity.Conversation?.Id}")
            ? ReplyAsync(activity, responder.Welcome(), cancellationToken)
            : Task.CompletedTask;

    private async Task<InvokeResponse> OnAdaptiveCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        AdaptiveCardInvokeValue? value = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                value = raw.Deserialize(ProtocolJsonContext.Default.AdaptiveCardInvokeValue);
            }
            catch (JsonException)
            {
                value = null;
            }
        }

        if (value?.Action is null)
        {
            return CardError(400, "BadRequest", "The card action was missing or not understood.");
        }

        if (!string.Equals(value.Action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            return CardError(400, "NotSupported", $"The action type {value.Action.Type} is not supported.");
        }

        var verb = value.Action.Verb ?? "";
        var handler = cardActionHandlers.FirstOrDefault(h => h.Handles(verb));
        if (handler is null)
        {
            return CardError(400, "NotSupported", "This button is no longer supported.");
        }

        var data = value.Action.Data is { } d ? d.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
        CardActionOutcome outcome;
        try
        {
            outcome = await handler.ExecuteAsync(
                new CardAction(verb, data, SenderOf(activity), activity.Conversation?.Id ?? "", activity.ReplyToId), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            ProtocolLog.TurnFailed(logger, ex, activity.Type, activity.Conversation?.Id, activity.Id);
            return CardError(500, "ServiceError", FriendlyError);
        }

        return outcome switch
        {
            CardActionOutcome.ReplaceCard replace => CardBody(200, OutboundActivities.AdaptiveCardType, replace.Card.CardJson is { } card ? JsonNode.Parse(card.Span) : null),
            CardActionOutcome.Message message => CardBody(200, "application/vnd.microsoft.activity.message", JsonValue.Create(message.Text)),
            CardActionOutcome.Error error => CardError(error.StatusCode, error.Code, error.Text),
            _ => CardError(500, "ServiceError", FriendlyError),
        };
    }

    private async Task<InvokeResponse> OnFileConsentAsync(Activity activity, CancellationToken cancellationToken)
    {
        var handler = fileConsentHandlers.FirstOrDefault();
        if (handler is null)
        {
            return new InvokeResponse(StatusCodes.Status501NotImplemented);
        }

        // Only accept and decline exist; anything else is a malformed invoke (botbuilder's TeamsActivityHandler: 400).
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String
            || action.GetString() is not ("accept" or "decline"))
        {
            return new InvokeResponse(StatusCodes.Status400BadRequest);
        }

        var accepted = action.GetString() == "accept";
        JsonElement? context = value.TryGetProperty("context", out var c) ? c.Clone() : null;
        var outcome = await handler.HandleAsync(
            new FileConsentAnswer(accepted, context, accepted ? UploadInfo(value) : null, SenderOf(activity),
                activity.Conversation?.Id ?? "", activity.ReplyToId),
            cancellationToken);
        return new InvokeResponse(outcome == FileConsentOutcome.Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    // Only an absolute http(s) URL is an upload target: on Linux "/x" parses as an absolute file: URI.
    private static FileUploadInfo? UploadInfo(JsonElement value)
    {
        if (!value.TryGetProperty("uploadInfo", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Read(string name) => info.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return WebUri(Read("uploadUrl")) is { } upload
            ? new FileUploadInfo(Read("name"), upload, WebUri(Read("contentUrl")), Read("uniqueId"), Read("fileType"))
            : null;
    }

    private static Uri? WebUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private async Task ReplyAsync(Activity inbound, IEnumerable<BotMessage> messages, CancellationToken cancellationToken)
    {
        var serviceUrl = inbound.ServiceUrl ?? "";
        var conversationId = inbound.Conversation?.Id ?? "";
        foreach (var message in messages)
        {
            foreach (var reply in OutboundActivities.From(message, inbound.Recipient, inbound.From, conversationId))
            {
                if (inbound.Id is { Length: > 0 } activityId)
                {
                    reply.ReplyToId = activityId;
                    await connector.ReplyToActivityAsync(serviceUrl, conversationId, activityId, reply, cancellationToken);
                }
                else
                {
                    await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
                }
            }
        }
    }

    private async Task TrySendFriendlyErrorAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Type != "message")
        {
            return;
        }

        try
        {
            await ReplyAsync(activity, [BotMessage.Plain(FriendlyError)], cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            ProtocolLog.TurnFailed(logger, ex, activity.Type, activity.Conversation?.Id, activity.Id);
        }
    }

    // Best effort: a store outage must not stop the bot answering the member in front of it. A reference this
    // instance saved unchanged within the last 10 minutes is not written again: one database write per message was
    // what limited throughput under load (docs/performance.md, "Load").
    private async Task SaveReferenceAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return;
        }

        var saved = string.Join('\n', serviceUrl, activity.Conversation.ConversationType, activity.ChannelId, activity.FindTenantId(),
            activity.Recipient?.Id, activity.From?.Id, activity.From?.AadObjectId);
        var (remembered, first) = savedReferences.Remember(conversationId, () => saved);
        if (!first && remembered == saved)
        {
            return;
        }

        savedReferences.Forget(conversationId);
        try
        {
            await references.SaveAsync(
                new ConversationReference
                {
                    ConversationId = conversationId,
                    ConversationType = activity.Conversation.ConversationType,
                    ServiceUrl = serviceUrl,
                    ChannelId = activity.ChannelId ?? "",
                    TenantId = activity.FindTenantId(),
                    BotId = activity.Recipient?.Id,
                    UserId = activity.From?.Id,
                    UserAadObjectId = activity.From?.AadObjectId,
                    UpdatedAt = time.GetUtcNow(),
                },
                cancellationToken);
            savedReferences.Remember(conversationId, () => saved);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            ProtocolLog.ReferenceNotSaved(logger, ex, conversationId);
        }
    }

    private Task RemoveReferenceAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return Task.CompletedTask;
        }

        savedReferences.Forget(conversationId);
        return references.RemoveAsync(conversationId, cancellationToken);
    }

    private static Sender SenderOf(Activity activity) =>
        new(activity.From?.Id ?? "", activity.From?.AadObjectId, activity.From?.Name, activity.FindTenantId());

    private static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is { } type
            ? string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase)
            : activity.Conversation?.IsGroup != true;

    private static InvokeResponse CardError(int statusCode, string code, string message) =>
        CardBody(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });

    // For adaptiveCard/action the HTTP status is 200 whenever we processed it; the outcome is in statusCode (§1.4).
    private static InvokeResponse CardBody(int statusCode, string type, JsonNode? value) =>
        new(StatusCodes.Status200OK, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}
