using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PprrBot.Tests.Protocol;

/// <summary>
/// A real HTTP Bot Connector stand-in on 127.0.0.1 that answers each request with the next scripted behaviour
/// (429 with Retry-After, 503, a hang that never answers, success) and records every request it received.
/// </summary>
internal sealed class LocalConnectorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Behaviour> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalConnectorServer(WebApplication app) => _app = app;

    public string ServiceUrl { get; private init; } = "";

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public static async Task<LocalConnectorServer> StartAsync(params Behaviour[] script)
    {
        LocalConnectorServer? server = null;
        var (app, baseAddress) = await LoopbackServer.StartAsync(app => app.Run(context => server!.HandleAsync(context)));
        server = new LocalConnectorServer(app) { ServiceUrl = new Uri(baseAddress, "_connector/").ToString() };
        foreach (var behaviour in script)
        {
            server._script.Enqueue(behaviour);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path;
        _received.Enqueue(new ReceivedRequest(context.Request.Method, rawTarget, body, context.Request.Headers.Authorization.ToString(), DateTimeOffset.UtcNow));

        var behaviour = _script.TryDequeue(out var next) ? next : Behaviour.Ok;
        switch (behaviour.Kind)
        {
            case BehaviourKind.Hang:
                // The request arrived (and would have been delivered) but the answer never comes.
                await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
                return;
            case BehaviourKind.Status:
                context.Response.StatusCode = behaviour.Status;
                if (behaviour.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsJsonAsync(
                    new { error = new { code = behaviour.Status == 429 ? "Throttled" : "ServiceUnavailable", message = "scripted" } },
                    context.RequestAborted);
                return;
            default:
                context.Response.StatusCode = context.Request.Method == "PUT" ? 200 : 201;
                await context.Response.WriteAsJsonAsync(new { id = $"activity-{_received.Count}" }, context.RequestAborted);
                return;
        }
    }
}

internal enum BehaviourKind
{
    Ok,
    Status,
    Hang,
}

internal sealed record Behaviour(BehaviourKind Kind, int Status = 200, int? RetryAfterSeconds = null)
{
    public static Behaviour Ok { get; } = new(BehaviourKind.Ok);

    public static Behaviour Hang { get; } = new(BehaviourKind.Hang);

    public static Behaviour Throttled(int retryAfterSeconds) => new(BehaviourKind.Status, 429, retryAfterSeconds);

    public static Behaviour Unavailable { get; } = new(BehaviourKind.Status, 503);

    public static Behaviour BadGateway { get; } = new(BehaviourKind.Status, 502);
}

internal sealed record ReceivedRequest(string Method, string RawTarget, string Body, string Authorization, DateTimeOffset At);
