using System.Text.Json;

namespace PprrBot.Protocol;

/// <summary>A user's answer to a FileConsentCard (invoke fileConsent/invoke).</summary>
/// <param name="Context">The context the bot put on the offer (<see cref="FileOffer.Context"/>).</param>
/// <param name="Upload">Where to upload the file; only when the user accepted.</param>
public sealed record FileConsentAnswer(
    bool Accepted,
    JsonElement? Context,
    FileUploadInfo? Upload,
    Sender From,
    string ConversationId,
    string? ConsentCardActivityId);

/// <summary>Teams' upload target for an accepted file offer.</summary>
public sealed record FileUploadInfo(string? Name, Uri UploadUrl, Uri? ContentUrl, string? UniqueId, string? FileType);

/// <summary>Handles answers to file offers. Implemented by the feature that sends files; without one, 501.</summary>
public interface IFileConsentHandler
{
    ValueTask HandleAsync(FileConsentAnswer answer, CancellationToken cancellationToken);
}
