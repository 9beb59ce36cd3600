using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace PprrBot.LoadRig;

/// <summary>
/// A member's message activity as Teams sends it to the bot, one personal chat per member, written straight to UTF-8
/// (no JSON tree per activity): the rig shares the bot's two cores, so its own cost per question is kept small.
/// </summary>
internal static class RigActivity
{
    public static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? Buffer;

    /// <param name="member">Names the member's Teams and Entra ids.</param>
    /// <param name="value">An Action.Submit's card inputs, when the message is a button press rather than typed text.</param>
    public static ByteArrayContent Message(
        string serviceUrl, string id, string conversationId, string member, int memberNumber, string text,
        string? replyToId = null, IReadOnlyList<(string Name, string Value)>? value = null)
    {
        var buffer = Buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", "message");
            json.WriteString("id", id);
            if (replyToId is not null)
            {
                json.WriteString("replyToId", replyToId);
            }

            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("serviceUrl", serviceUrl);
            json.WriteString("channelId", "msteams");
            json.WriteStartObject("from");
            json.WriteString("id", $"29:{member}");
            json.WriteString("aadObjectId", $"00000000-0000-0000-0000-{memberNumber:000000000000}");
            json.WriteEndObject();
            json.WriteStartObject("recipient");
            json.WriteString("id", "28:pprrbot-load");
            json.WriteString("name", "PprrBot");
            json.WriteEndObject();
            json.WriteStartObject("conversation");
            json.WriteString("id", conversationId);
            json.WriteString("conversationType", "personal");
            json.WriteString("tenantId", "00000000-0000-0000-0000-00000000load");
            json.WriteEndObject();
            json.WriteString("text", text);
            if (value is not null)
            {
                json.WriteStartObject("value");
                foreach (var (name, input) in value)
                {
                    json.WriteString(name, input);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = JsonType;
        return content;
    }
}
