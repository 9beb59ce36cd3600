using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PprrBot.Cards;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>
/// The user's answer to the meeting pack's file consent card. On accept: build the pack, PUT its bytes to Teams'
/// upload URL (the whole file in one range), then send the file info card. On decline: say so politely. An answer
/// that names no meeting pack, or an accept without an upload target, gets a clear reply, no upload and a 400.
/// </summary>
internal sealed class MeetingPackUpload(
    PprrSnapshotStore snapshots,
    MeetingPackBuilder builder,
    RoutingAccess access,
    IHttpClientFactory httpClients,
    IConversationSender sender,
    ILogger<MeetingPackUpload> logger) : IFileConsentHandler
{
    public const string HttpClientName = "MeetingPackUpload";

    private const string AskAgain = "Type \"meeting pack\" and I'll offer it again.";

    public async ValueTask<FileConsentOutcome> HandleAsync(FileConsentAnswer answer, CancellationToken cancellationToken)
    {
        if (MeetingDate(answer.Context) is not { } meetingDate)
        {
            SummariesLog.MalformedConsent(logger, answer.ConversationId, "context is not a meeting pack");
            await ReplyAsync(answer, $"I couldn't tell which meeting pack that answer was for, so I haven't saved anything. {AskAgain}", cancellationToken);
            return FileConsentOutcome.Malformed;
        }

        if (!answer.Accepted)
        {
            SummariesLog.PackDeclined(logger, answer.ConversationId);
            await ReplyAsync(answer, "No problem: I haven't saved the meeting pack. Type \"meeting pack\" if you want it later.", cancellationToken);
            return FileConsentOutcome.Handled;
        }

        // The file info card needs the OneDrive link and drive item id, so an accept without them is as unusable as one without an upload URL.
        if (answer.Upload is not { ContentUrl: { } contentUrl, UniqueId: { } uniqueId } upload || string.IsNullOrWhiteSpace(uniqueId))
        {
            SummariesLog.MalformedConsent(logger, answer.ConversationId, "upload info incomplete");
            await ReplyAsync(answer, $"Teams didn't tell me where in your OneDrive to save the meeting pack, so I haven't saved it. {AskAgain}", cancellationToken);
            return FileConsentOutcome.Malformed;
        }

        if (!MeetingPackOffer.MayHavePack(access, answer.From))
        {
            SummariesLog.PackRefused(logger, answer.ConversationId);
            await ReplyAsync(answer, "The meeting pack is prepared for the committee's chair and Democratic Services, so I haven't saved it.", cancellationToken);
            return FileConsentOutcome.Handled;
        }

        if (await builder.BuildAsync(snapshots.Current, meetingDate, cancellationToken) is not MeetingPackOutcome.Ready ready)
        {
            await ReplyAsync(answer, $"I no longer hold a meeting on {UkFormat.Date(meetingDate)}, so I can't save its pack.", cancellationToken);
            return FileConsentOutcome.Handled;
        }

        var bytes = MeetingPackBuilder.Render(ready.Pack);
        if (!await PutAsync(upload.UploadUrl, bytes, answer.ConversationId, cancellationToken))
        {
            await ReplyAsync(answer, "Teams didn't accept the upload of the meeting pack, so it isn't in your OneDrive. Please type \"meeting pack\" to try again.", cancellationToken);
            return FileConsentOutcome.Handled;
        }

        SummariesLog.PackUploaded(logger, meetingDate, answer.ConversationId, bytes.Length);
        var file = new UploadedFile(upload.Name ?? ready.Pack.FileName, contentUrl, uniqueId, upload.FileType ?? "docx");
        await sender.SendAsync(
            answer.ConversationId,
            new BotMessage($"I've saved the meeting pack for {UkFormat.Date(meetingDate)} to your OneDrive.") { UploadedFile = file },
            cancellationToken);
        return FileConsentOutcome.Handled;
    }

    // A refusal, an unreachable OneDrive or the client's timeout all mean "not saved"; the caller tells the user.
    private async Task<bool> PutAsync(Uri uploadUrl, byte[] bytes, string conversationId, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = content };
        using var client = httpClients.CreateClient(HttpClientName);
        try
        {
            using var result = await client.SendAsync(request, cancellationToken);
            if (!result.IsSuccessStatusCode)
            {
                SummariesLog.PackUploadFailed(logger, conversationId, (int)result.StatusCode);
            }

            return result.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            SummariesLog.PackUploadError(logger, ex, conversationId);
            return false;
        }
    }

    private async Task ReplyAsync(FileConsentAnswer answer, string text, CancellationToken cancellationToken) =>
        await sender.SendAsync(answer.ConversationId, BotMessage.Plain(text), cancellationToken);

    private static DateOnly? MeetingDate(JsonElement? context) =>
        context is { ValueKind: JsonValueKind.Object } c
        && c.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == MeetingPackOffer.ContextKind
        && c.TryGetProperty("meetingDate", out var date) && date.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
}
