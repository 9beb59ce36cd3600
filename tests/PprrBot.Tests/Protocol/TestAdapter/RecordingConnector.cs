using System.Collections.Concurrent;
using PprrBot.Protocol;

namespace PprrBot.Tests.Protocol.TestAdapter;

/// <summary>What the bot asked the connector to do: the operation, where, and the activity.</summary>
internal sealed record SentActivity(string Operation, string ServiceUrl, string ConversationId, string? ActivityId, Activity Activity);

/// <summary>Stands in for the Bot Connector: records every outgoing activity and answers with fresh ids.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private readonly ConcurrentQueue<SentActivity> _sent = new();
    private readonly ConcurrentQueue<ConversationParameters> _created = new();
    private readonly SemaphoreSlim _recorded = new(0);
    private int _nextId;

    public IReadOnlyList<SentActivity> Sent => [.. _sent];

    public IReadOnlyList<ConversationParameters> CreatedConversations => [.. _created];

    /// <summary>
    /// Waits until at least <paramref name="count"/> activities have been sent in all: for HTTP tests, where turns run
    /// on the background queue after the 202.
    /// </summary>
    public async Task<IReadOnlyList<SentActivity>> WaitForSentAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (_sent.Count < count)
        {
            await _recorded.WaitAsync(timeout.Token);
        }

        return Sent;
    }

    public Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record("send", serviceUrl, conversationId, null, activity);

    public Task<string?> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("reply", serviceUrl, conversationId, activityId, activity);

    public Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record("update", serviceUrl, conversationId, activityId, activity);

    public Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        _created.Enqueue(parameters);
        var user = parameters.Members?.FirstOrDefault()?.Id ?? "unknown";
        return Task.FromResult(new ConversationResourceResponse { Id = $"a:personal-{user}", ServiceUrl = serviceUrl });
    }

    private Task<string?> Record(string operation, string serviceUrl, string conversationId, string? activityId, Activity activity)
    {
        _sent.Enqueue(new SentActivity(operation, serviceUrl, conversationId, activityId, activity));
        _recorded.Release();
        return Task.FromResult<string?>($"sent-{Interlocked.Increment(ref _nextId)}");
    }
}
