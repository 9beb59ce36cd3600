using System.Text.Json;
using System.Text.Json.Nodes;
using PprrBot.Protocol;

namespace PprrBot.Summaries;

// The seam with Protocol for Teams' file consent flow. Protocol turns the fileConsent/invoke activity into a
// FileConsentResponse, calls the handler, and answers the invoke with the status it returns.

/// <summary>Handles a user's answer to a FileConsentCard (invoke <c>fileConsent/invoke</c>).</summary>
internal interface IFileConsentHandler
{
    /// <returns>The HTTP status for the invoke response: 200 once handled, 4xx for a malformed answer.</returns>
    ValueTask<int> HandleAsync(FileConsentResponse response, CancellationToken cancellationToken);
}

/// <summary>The invoke's <c>value</c>: <c>action</c> (accept or decline), <c>context</c> and, on accept, <c>uploadInfo</c>.</summary>
internal sealed record FileConsentResponse(
    string Action,
    JsonElement Context,
    string? UploadUrl,
    string? ContentUrl,
    string? UniqueId,
    string? FileType,
    string? Name,
    Sender From,
    string ConversationId)
{
    public bool Accepted => string.Equals(Action, "accept", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A file now in the user's OneDrive, shown in the chat as a file card.</summary>
internal sealed record UploadedFile(string Name, string ContentUrl, string UniqueId, string FileType)
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The message attachment: <c>{contentType, contentUrl, name, content: {uniqueId, fileType}}</c>.</summary>
    public JsonObject ToAttachment() => new()
    {
        ["contentType"] = ContentType,
        ["contentUrl"] = ContentUrl,
        ["name"] = Name,
        ["content"] = new JsonObject { ["uniqueId"] = UniqueId, ["fileType"] = FileType },
    };
}

/// <summary>
/// What the file consent handler sends back into the user's chat. Implemented by Protocol (over its conversation
/// sender) until <see cref="BotMessage"/> can carry a file card itself.
/// </summary>
internal interface IFileConsentReplies
{
    Task SendTextAsync(string conversationId, string text, CancellationToken cancellationToken);

    Task SendFileCardAsync(string conversationId, UploadedFile file, CancellationToken cancellationToken);
}
