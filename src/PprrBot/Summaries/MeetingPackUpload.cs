using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PprrBot.Cards;
using PprrBot.Data.ReadModel;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>
/// The user's answer to the meeting pack's file consent card. On accept: build the pack, PUT its bytes to Teams'
/// upload URL (the whole file in one range), then post the file card. On decline: say so politely.
/// </summary>
internal sealed class MeetingPackUpload(
    PprrSnapshotStore snapshots,
    MeetingPackBuilder builder,
    RoutingAccess access,
    IHttpClientFactory httpClients,
    IFileConsentReplies replies,
    ILogger<MeetingPackUpload> logger) : IFileConsentHandler
{
    public const string HttpClientName = "MeetingPackUpload";

    public async ValueTask<int> HandleAsync(FileConsentResponse response, CancellationToken cancellationToken)
    {
        if (MeetingDate(response.Context) is not { } meetingDate)
        {
            SummariesLog.MalformedConsent(logger, response.ConversationId, "context is not a meeting pack");
            return 400;
        }

        if (!response.Accepted)
        {
            SummariesLog.PackDeclined(logger, response.ConversationId);
            await replies.SendTextAsync(response.ConversationId, "No problem: I haven't saved the meeting pack. Type \"meeting pack\" if you want it later.", cancellationToken);
            return 200;
        }

        if (!Uri.TryCreate(response.UploadUrl, UriKind.Absolute, out var uploadUrl) || (uploadUrl.Scheme != Uri.UriSchemeHttps && uploadUrl.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrWhiteSpace(response.ContentUrl) || string.IsNullOrWhiteSpace(response.UniqueId))
        {
            SummariesLog.MalformedConsent(logger, response.ConversationId, "upload info incomplete");
            return 400;
        }

        if (!MeetingPackOffer.MayHavePack(access, response.From))
        {
            return 403;
        }

        if (await builder.BuildAsync(snapshots.Current, meetingDate, cancellationToken) is not MeetingPackOutcome.Ready ready)
        {
            await replies.SendTextAsync(response.ConversationId, $"I no longer hold a meeting on {UkFormat.Date(meetingDate)}, so I can't save its pack.", cancellationToken);
            return 200;
        }

        var bytes = MeetingPackBuilder.Render(ready.Pack);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, bytes.Length - 1, bytes.Length);
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = content };
        using var client = httpClients.CreateClient(HttpClientName);
        using var result = await client.SendAsync(request, cancellationToken);
        if (!result.IsSuccessStatusCode)
        {
            SummariesLog.PackUploadFailed(logger, response.ConversationId, (int)result.StatusCode);
            await replies.SendTextAsync(response.ConversationId, "Teams didn't accept the upload of the meeting pack, so it isn't in your OneDrive. Please type \"meeting pack\" to try again.", cancellationToken);
            return 200;
        }

        SummariesLog.PackUploaded(logger, meetingDate, response.ConversationId, bytes.Length);
        var file = new UploadedFile(response.Name ?? ready.Pack.FileName, response.ContentUrl, response.UniqueId, response.FileType ?? "docx");
        await replies.SendFileCardAsync(response.ConversationId, file, cancellationToken);
        return 200;
    }

    private static DateOnly? MeetingDate(JsonElement context) =>
        context.ValueKind == JsonValueKind.Object
        && context.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == MeetingPackOffer.ContextKind
        && context.TryGetProperty("meetingDate", out var date) && date.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : null;
}
