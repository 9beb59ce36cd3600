using PprrBot.Protocol;

namespace PprrBot.Summaries;

/// <summary>Protocol's file consent seam, handed to the meeting pack upload (which answers with a status Protocol does not need).</summary>
internal sealed class MeetingPackConsent(IFileConsentHandler upload) : Protocol.IFileConsentHandler
{
    public async ValueTask HandleAsync(FileConsentAnswer answer, CancellationToken cancellationToken) =>
        await upload.HandleAsync(
            new FileConsentResponse(
                answer.Accepted ? "accept" : "decline",
                answer.Context ?? default,
                answer.Upload?.UploadUrl.AbsoluteUri,
                answer.Upload?.ContentUrl?.AbsoluteUri,
                answer.Upload?.UniqueId,
                answer.Upload?.FileType,
                answer.Upload?.Name,
                answer.From,
                answer.ConversationId),
            cancellationToken);
}

/// <summary>
/// The upload's replies over Protocol's conversation sender. BotMessage cannot carry a file info card yet, so the
/// saved file is announced with its OneDrive link as text until Protocol sends <see cref="UploadedFile.ToAttachment"/>.
/// </summary>
internal sealed class ConversationFileConsentReplies(IConversationSender sender) : IFileConsentReplies
{
    public Task SendTextAsync(string conversationId, string text, CancellationToken cancellationToken) =>
        sender.SendAsync(conversationId, BotMessage.Plain(text), cancellationToken);

    public Task SendFileCardAsync(string conversationId, UploadedFile file, CancellationToken cancellationToken) =>
        sender.SendAsync(conversationId, BotMessage.Plain($"The meeting pack is in your OneDrive: {file.Name} ({file.ContentUrl})."), cancellationToken);
}
