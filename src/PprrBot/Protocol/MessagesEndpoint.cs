using System.Buffers;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace PprrBot.Protocol;

/// <summary>
/// POST /api/messages (protocol.md §1.1): token first, then the body (bounded, parsed with the source-generated
/// model), then the activity binding; invokes answered inline, everything else queued and answered 202.
/// </summary>
internal sealed class MessagesEndpoint(
    BotTokenValidator validator,
    ActivityQueue queue,
    RedeliveryFilter redelivery,
    InvokeRunner invokes,
    TurnHandler turns,
    IOptions<BotOptions> options,
    IHostEnvironment environment,
    ILoggerFactory loggers)
{
    public const string Route = "/api/messages";

    private readonly ILogger logger = loggers.CreateLogger<MessagesEndpoint>();

    /// <summary>
    /// The endpoint's dependencies are singletons held here, and an accepted activity gets its bare 202 written
    /// directly: resolving them per request (and a result type's logger) made a DI scope for every activity, about
    /// 4% of the bot's CPU under load (docs/performance.md).
    /// </summary>
    public async Task PostAsync(HttpContext context)
    {
        IResult? result;
        try
        {
            result = await HandleAsync(context);
        }
        catch (SigningKeysUnavailableException ex)
        {
            ProtocolLog.SigningKeysUnavailable(logger, ex);
            context.Response.Headers.RetryAfter = "30";
            result = Results.Problem(title: "Authentication is unavailable.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (result is null)
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        await result.ExecuteAsync(context);
    }

    /// <summary>What to answer: null for a bare 202 Accepted, otherwise the result to write.</summary>
    private async Task<IResult?> HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var bot = options.Value;
        string? authorization = context.Request.Headers.Authorization;
        var local = string.IsNullOrEmpty(authorization) && LocalDevelopment.IsAllowed(environment, bot) && IsLoopback(context);

        var token = local ? TokenCheck.Local : await validator.ValidateTokenAsync(authorization, cancellationToken);
        if (!token.IsValid)
        {
            return Unauthorized();
        }

        var (read, problem) = await ReadActivityAsync(context.Request, bot.MaxActivityBytes, cancellationToken);
        if (read is not { } activity)
        {
            return problem!;
        }

        var refusal = token.Path == TokenPath.LocalDevelopment
            ? LocalRefusal(activity)
            : await validator.CheckActivityAsync(token, activity, cancellationToken);
        if (refusal is not null)
        {
            ProtocolLog.ActivityRefused(logger, refusal, activity.Conversation?.Id, activity.Id);
            return Unauthorized();
        }

        activity.CallerId = token.Path == TokenPath.LocalDevelopment ? null : "urn:botframework:azure";

        if (activity.Type == "invoke")
        {
            var response = await invokes.InvokeOnceAsync(activity).WaitAsync(cancellationToken);
            return response.Body is null
                ? Results.StatusCode(response.Status)
                : Results.Text(response.Body.ToJsonString(), "application/json", statusCode: response.Status);
        }

        if (redelivery.IsRedelivery(activity))
        {
            ProtocolLog.Redelivered(logger, activity.Conversation?.Id, activity.Id);
            return null;
        }

        if (IsCardSubmit(activity))
        {
            // A card button press carries a member's decision ("send this question"): it is handled before the
            // 202, so a crash can only lose it while Teams still waits and will redeliver. It is one quick step,
            // and it runs to the end even if the caller gives up waiting (the redelivery filter stops a second run).
            await turns.HandleAsync(activity, CancellationToken.None);
            return null;
        }

        if (!queue.TryEnqueue(activity))
        {
            redelivery.ForgetDelivery(activity);
            ProtocolLog.QueueFull(logger, activity.Conversation?.Id, activity.Id);
            context.Response.Headers.RetryAfter = "5";
            return Results.Problem(
                title: "The bot is busy.", detail: "Too many activities are waiting; try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return null;
    }

    /// <summary>An Action.Submit press: a message with card data and no typed text.</summary>
    private static bool IsCardSubmit(Activity activity) =>
        activity.Type == "message" && string.IsNullOrWhiteSpace(activity.Text) && activity.Value is { ValueKind: System.Text.Json.JsonValueKind.Object };

    /// <summary>The Agents Playground probes the endpoint with HEAD before connecting.</summary>
    public static IResult Head() => Results.Ok();

    // Every authentication failure looks the same from outside: 401, no reason, no token details.
    private static IResult Unauthorized() => Results.Problem(title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized);

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    // In the local bypass replies carry no token and may only go back to loopback (protocol.md §2.5).
    private static string? LocalRefusal(Activity activity) =>
        Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var uri) && uri.IsLoopback ? null : "local request with a non-loopback serviceUrl";

    private static async Task<(Activity? Activity, IResult? Problem)> ReadActivityAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        Activity? activity;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        // The body goes into a pooled buffer, sized from Content-Length when Teams sends one (it does): a fresh
        // growing buffer per activity was about a quarter of everything the bot allocated under load.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and var length ? (int)length + 1 : 4096);
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(count), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                count += read;
                if (count > maxBytes)
                {
                    return (null, TooLarge(maxBytes));
                }
            }

            // The activity keeps no reference into the buffer: its strings, and its JSON values, are copies.
            activity = JsonSerializer.Deserialize(buffer.AsSpan(0, count), ProtocolJsonContext.Default.Activity);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(maxBytes));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (null, BadRequest("The body is not a JSON activity."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, BadRequest("The activity has no type."));
        }

        if (activity.Conversation?.Id is not { Length: > 0 } || string.IsNullOrWhiteSpace(activity.ServiceUrl))
        {
            return (null, BadRequest("The activity has no conversation or serviceUrl."));
        }

        return (activity, null);
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(title: "Malformed activity", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static IResult TooLarge(int maxBytes) =>
        Results.Problem(
            title: "Activity too large", detail: $"Activities are limited to {maxBytes / 1024} KB.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
