using System.Text.Json;

namespace PprrBot.Protocol;

/// <summary>A user's answer to a FileConsentCard (invoke fileConsent/invoke).</summary>
/// <param name="Context">The context the bot put on the offer (<see cref="FileOffer.Context"/>).</param>
/// <param name="Upload">Where to upload the file; only when the user accepted and Teams gave an http(s) upload URL.</param>
public sealed record FileConsentAnswer(
    bool Accepted,
    JsonElement? Context,
    FileUploadInfo? Upload,
    Sender From,
    string ConversationId,
    string? ConsentCardActivityId);

/// <summary>Teams' upload target for an accepted file offer.</summary>
public sealed record FileUploadInfo(string? Name, Uri UploadUrl, Uri? ContentUrl, string? UniqueId, string? FileType);

/// <summary>What a file consent handler made of an answer; Protocol answers the invoke with it.</summary>
public enum FileConsentOutcome
{
    /// <summary>Uploaded, declined or refused, and the user told: 200.</summary>
    Handled,

    /// <summary>
    /// The answer cannot be acted on (an accept without an upload target, an offer this bot did not make): 400, as
    /// for any malformed activity. The handler tells the user first; Protocol has no words of its own for it.
    /// </summary>
    Malformed,
}

/// <summary>Handles answers to file offers. Implemented by the feature that sends files; without one, 501.</summary>
public interface IFileConsentHandler
{
    ValueTask<FileConsentOutcome> HandleAsync(FileConsentAnswer answer, CancellationToken cancellationToken);
}
