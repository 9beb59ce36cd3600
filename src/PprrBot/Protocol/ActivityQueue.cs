using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace PprrBot.Protocol;

/// <summary>
/// Authenticated non-invoke activities waiting for a turn. Bounded: when it is full the endpoint refuses with
/// 503 + Retry-After instead of growing memory (ADR-001).
/// </summary>
internal sealed class ActivityQueue(IOptions<BotOptions> options)
{
    private readonly Channel<Activity> _channel = Channel.CreateBounded<Activity>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    public bool TryEnqueue(Activity activity) => _channel.Writer.TryWrite(activity);

    public ChannelReader<Activity> Reader => _channel.Reader;
}

/// <summary>Runs queued turns off the request path, a few at a time.</summary>
internal sealed class ActivityQueueProcessor(
    ActivityQueue queue,
    TurnHandler turns,
    IOptions<BotOptions> options,
    ILogger<ActivityQueueProcessor> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.QueueWorkers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // TurnHandler catches its own errors and answers the user; this is the last line.
                    await turns.HandleAsync(activity, stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    ProtocolLog.TurnFailed(logger, ex, activity.Type, activity.Conversation?.Id, activity.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: activities still queued are dropped (they were answered 202); the user can simply ask again.
        }
    }
}
