using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Routing;

/// <summary>
/// The recording connector with scripted failures: each create or send first throws the failures queued for it,
/// as the real connector client does once its own retries are used up.
/// </summary>
internal sealed class FailingConnector(RecordingConnector inner) : IConnectorClient
{
    public ConcurrentQueue<ConnectorException> CreateFailures { get; } = new();

    public ConcurrentQueue<ConnectorException> SendFailures { get; } = new();

    public int FailedSends { get; private set; }

    /// <summary>Wraps the adapter's recording connector in the service collection.</summary>
    public static FailingConnector Wrap(IServiceCollection services)
    {
        var recording = (RecordingConnector)services.Single(d => d.ServiceType == typeof(IConnectorClient)).ImplementationInstance!;
        var failing = new FailingConnector(recording);
        services.RemoveAll<IConnectorClient>();
        services.AddSingleton<IConnectorClient>(failing);
        return failing;
    }

    public static ConnectorException Status(int status, string code) => new($"scripted {status}", status, code);

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        CreateFailures.TryDequeue(out var failure) ? throw failure : inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);

    public Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (SendFailures.TryDequeue(out var failure))
        {
            FailedSends++;
            throw failure;
        }

        return inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
    }

    public Task<string?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
}
