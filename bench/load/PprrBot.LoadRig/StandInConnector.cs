using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;

namespace PprrBot.LoadRig;

/// <summary>What the connector should do with replies right now: accept them, or refuse them as Teams does under strain.</summary>
internal enum ConnectorFault
{
    None,
    Throttle,
    Unavailable,
}

/// <summary>
/// A fast stand-in for the Bot Connector on loopback: it accepts the bot's reply POSTs, matches each to its question by
/// the activity id in the URL (replyToId), timestamps it, and counts every delivery so doubles show.
/// </summary>
internal sealed class StandInConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ReplyTo, UInt128 Body), int> _delivered = new();
    private readonly ConcurrentDictionary<string, int> _repliesPerQuestion = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _cardDelivered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _proactive = new(StringComparer.Ordinal);
    private long _accepted;
    private long _refused;
    private long _ids;

    private StandInConnector(WebApplication app) => _app = app;

    public ConnectorFault Fault { get; set; }

    public string ServiceUrl { get; private set; } = "";

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Refused => Interlocked.Read(ref _refused);

    public static async Task<StandInConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // A measuring tool sharing the bot's cores: its connector runs its few lines on the socket's own thread.
        builder.WebHost.UseSockets(sockets =>
        {
            sockets.UnsafePreferInlineScheduling = true;
            sockets.WaitForDataBeforeAllocatingBuffer = false;
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new StandInConnector(app);
        // One terminal handler rather than endpoint routing: the path has three shapes, and this runs once an answer.
        app.Run(connector.DispatchAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>Completes with the Stopwatch timestamp of the first reply to the activity.</summary>
    public Task<long> ReplyTo(string activityId) =>
        _waiting.GetOrAdd(activityId, _ => new TaskCompletionSource<long>()).Task;

    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    public int RepliesTo(string activityId) => _repliesPerQuestion.TryGetValue(activityId, out var n) ? n : 0;

    public bool CardDeliveredTo(string activityId) => _cardDelivered.ContainsKey(activityId);

    /// <summary>The bodies of the messages sent into a conversation the bot created (proactive, not replies), in order.</summary>
    public IReadOnlyCollection<string> SentInto(string conversationId) =>
        _proactive.TryGetValue(conversationId, out var bodies) ? bodies : [];

    /// <summary>The id the stand-in gives the 1:1 chat it creates with a user: one per user, as Teams does.</summary>
    public static string PersonalConversationId(string userId) => "a:personal-" + userId;

    /// <summary>Replies delivered more than once: the same content to the same question.</summary>
    public int Doubles => _delivered.Values.Count(n => n > 1);

    private Task DispatchAsync(HttpContext context)
    {
        var now = Stopwatch.GetTimestamp();
        // POST v3/conversations[/{conversationId}/activities[/{activityId}]]
        var path = context.Request.Path.Value ?? "";
        if (!HttpMethods.IsPost(context.Request.Method) || !path.StartsWith(ConversationsPath, StringComparison.Ordinal))
        {
            return NotFound(context);
        }

        if (path.Length == ConversationsPath.Length)
        {
            return CreateConversationAsync(context);
        }

        var parts = path[(ConversationsPath.Length + 1)..].Split('/');
        return parts is [var conversation, "activities", ..] && parts.Length <= 3
            ? ReceiveAsync(context, now, Uri.UnescapeDataString(conversation), parts.Length == 3 ? Uri.UnescapeDataString(parts[2]) : null)
            : NotFound(context);
    }

    private const string ConversationsPath = "/v3/conversations";

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private async Task ReceiveAsync(HttpContext context, long now, string conversationId, string? activityId)
    {
        using var buffer = new MemoryStream((int)(context.Request.ContentLength ?? 8192));
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        switch (Fault)
        {
            case ConnectorFault.Throttle:
                Interlocked.Increment(ref _refused);
                context.Response.Headers.RetryAfter = "1";
                await Results.Json(new { error = new { code = "TooManyRequests", message = "stand-in throttle" } }, statusCode: 429).ExecuteAsync(context);
                return;
            case ConnectorFault.Unavailable:
                Interlocked.Increment(ref _refused);
                await Results.Json(new { error = new { code = "ServiceUnavailable", message = "stand-in outage" } }, statusCode: 503).ExecuteAsync(context);
                return;
        }

        var received = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var body = received.Span;
        var replyTo = activityId ?? ReplyToId(received) ?? "";
        if (activityId is null && conversationId.StartsWith("a:personal-", StringComparison.Ordinal))
        {
            _proactive.GetOrAdd(conversationId, _ => new ConcurrentQueue<string>()).Enqueue(Encoding.UTF8.GetString(body));
        }

        // A 128-bit hash of the body tells a second delivery of the same reply from a different reply (no attacker here).
        _delivered.AddOrUpdate((replyTo, XxHash128.HashToUInt128(body)), 1, (_, n) => n + 1);
        _repliesPerQuestion.AddOrUpdate(replyTo, 1, (_, n) => n + 1);
        if (body.IndexOf("application/vnd.microsoft.card.adaptive"u8) >= 0)
        {
            _cardDelivered[replyTo] = true;
        }

        Interlocked.Increment(ref _accepted);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync($"{{\"id\":\"r{Interlocked.Increment(ref _ids)}\"}}", context.RequestAborted);
        await context.Response.CompleteAsync();

        // After the bot has its answer: the waiting question's continuation (the driver's next question) runs here, on
        // this thread, rather than being handed to another. The arrival time was taken before anything else.
        if (_waiting.TryGetValue(replyTo, out var waiting))
        {
            waiting.TrySetResult(now);
        }
    }

    /// <summary>POST v3/conversations: a 1:1 chat with the first member, created proactively (protocol.md §3.4).</summary>
    private static async Task CreateConversationAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var user = document.RootElement.TryGetProperty("members", out var members) && members.GetArrayLength() > 0
            ? members[0].GetProperty("id").GetString() ?? ""
            : "";
        await Results.Json(new { id = PersonalConversationId(user) }).ExecuteAsync(context);
    }

    private static string? ReplyToId(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("replyToId", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
