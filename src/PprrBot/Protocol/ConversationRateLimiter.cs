using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PprrBot.Protocol;

/// <summary>
/// Teams' per-conversation limits for sends (protocol.md §3.6: 7/1 s, 8/2 s, 60/30 s, 1800/h) plus the per-app limit
/// (<see cref="BotOptions.AppSendLimitPerSecond"/>, default 30, the lower of the documented 30 and 50; a single-tenant
/// bot's app and tenant limits are the same), applied before we send so Teams rarely has to throttle us. A send over a
/// limit waits its turn; idle conversations are forgotten.
/// </summary>
internal sealed class ConversationRateLimiter : IDisposable
{
    public static readonly IReadOnlyList<(int Permits, TimeSpan Window)> TeamsLimits =
    [
        (7, TimeSpan.FromSeconds(1)),
        (8, TimeSpan.FromSeconds(2)),
        (60, TimeSpan.FromSeconds(30)),
        (1800, TimeSpan.FromHours(1)),
    ];

    public const int DefaultAppLimitPerSecond = 30;

    // Sends waiting per conversation before a send is refused rather than queued without end.
    private const int QueueLimit = 200;

    private readonly PartitionedRateLimiter<string> _limiter;

    public ConversationRateLimiter(IOptions<BotOptions> options)
        : this(TeamsLimits, options.Value.AppSendLimitPerSecond)
    {
    }

    public ConversationRateLimiter(
        IReadOnlyList<(int Permits, TimeSpan Window)>? limits = null, int appLimitPerSecond = DefaultAppLimitPerSecond)
    {
        _limiter = PartitionedRateLimiter.CreateChained(
            [.. (limits ?? TeamsLimits).Select(Window), AcrossConversations((appLimitPerSecond, TimeSpan.FromSeconds(1)))]);
    }

    /// <summary>Waits until one more operation on the conversation keeps every window within its limit.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        var lease = await _limiter.AcquireAsync(conversationId, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new ConnectorException("Too many messages are waiting for this conversation.", null, "LocalRateLimit");
        }

        return lease;
    }

    /// <summary>Takes a permit only if one is free now; for tests and diagnostics.</summary>
    public bool TryAcquireNow(string conversationId)
    {
        using var lease = _limiter.AttemptAcquire(conversationId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> Window((int Permits, TimeSpan Window) limit) =>
        SlidingWindows(Options(limit, QueueLimit), conversationId => conversationId);

    private static PartitionedRateLimiter<string> AcrossConversations((int Permits, TimeSpan Window) limit) =>
        SlidingWindows(Options(limit, QueueLimit * 10), _ => "app");

    // The key function runs on every send: the limiter factory it hands back is made once here, not a closure per
    // send and window.
    private static PartitionedRateLimiter<string> SlidingWindows(SlidingWindowRateLimiterOptions options, Func<string, string> partition)
    {
        Func<string, RateLimiter> create = _ => new SlidingWindowRateLimiter(options);
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(partition(key), create), StringComparer.Ordinal);
    }

    private static SlidingWindowRateLimiterOptions Options((int Permits, TimeSpan Window) limit, int queueLimit) => new()
    {
        PermitLimit = limit.Permits,
        Window = limit.Window,
        SegmentsPerWindow = limit.Window >= TimeSpan.FromHours(1) ? 60 : 10,
        QueueLimit = queueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        // The partitioned limiter refills its partitions from one timer (every 100 ms). With auto-replenishment each
        // conversation's four windows had a timer of their own: 2,000 conversations made some 30,000 timer callbacks a
        // second, and their finalizers, which took a quarter of the bot's CPU under load (docs/performance.md, "Load").
        AutoReplenishment = false,
    };
}
