using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PprrBot.Protocol;

/// <summary>The Bot Connector REST operations PprrBot uses (protocol.md §3.2).</summary>
internal interface IConnectorClient
{
    Task<string?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<string?> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);
}

/// <summary>
/// Calls the connector at allow-listed service URLs with the bot's token, behind the per-conversation limiter.
/// POSTs that create something go through a client that retries only when the connector refused the request
/// (429, 412), never after a 5xx or a timeout that may have delivered it; PUTs go through one that retries freely.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    IConnectorTokenProvider tokens,
    ServiceUrlPolicy serviceUrls,
    ConversationRateLimiter limiter,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    public const string CreatingClient = "PprrBot.Connector.Create";
    public const string IdempotentClient = "PprrBot.Connector.Idempotent";

    // Teams counts a message as UTF-16 (2 bytes a character) and refuses about 100 KB with 413 (protocol.md §3.7):
    // refuse at 80 KB ourselves, and warn from 40 KB, where older and mobile clients have failed.
    private const int MaxMessageBytes = 80 * 1024;
    private const int WarnMessageBytes = 40 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    public async Task<string?> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        var response = await SendAsync(
            HttpMethod.Post, serviceUrl, path, conversationId, activity, ProtocolJsonContext.Default.Activity,
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id;
    }

    public async Task<string?> ReplyToActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        var response = await SendAsync(
            HttpMethod.Post, serviceUrl, path, conversationId, activity, ProtocolJsonContext.Default.Activity,
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id;
    }

    public async Task UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
        await SendAsync(
            HttpMethod.Put, serviceUrl, path, conversationId, activity, ProtocolJsonContext.Default.Activity,
            ProtocolJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        // Create conversation has its own Teams bucket; ours is keyed by the user it is for.
        var limiterKey = "create:" + (parameters.Members?.FirstOrDefault()?.Id ?? "");
        var response = await SendAsync(
            HttpMethod.Post, serviceUrl, "v3/conversations", limiterKey, parameters, ProtocolJsonContext.Default.ConversationParameters,
            ProtocolJsonContext.Default.ConversationResourceResponse, cancellationToken);
        return response is { Id.Length: > 0 }
            ? response
            : throw new ConnectorException("The connector created a conversation but returned no id.", null, "EmptyResponse");
    }

    /// <summary>
    /// Builds both clients' handler chains and retry pipelines, and compiles them, with requests cancelled before they
    /// start (nothing leaves the machine), so the first reply does not do it while a member waits (ADR-011).
    /// </summary>
    internal async Task WarmUpAsync()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        foreach (var name in (string[])[CreatingClient, IdempotentClient])
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("http://127.0.0.1:9/warm-up")) { Content = new ByteArrayContent([]) };
            try
            {
                using var response = await httpClients.CreateClient(name).SendAsync(request, cancelled.Token);
            }
            catch (OperationCanceledException)
            {
                // As intended.
            }
        }
    }

    private async Task<TResponse?> SendAsync<TBody, TResponse>(
        HttpMethod method,
        string serviceUrl,
        string path,
        string limiterKey,
        TBody body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : class
    {
        var decision = serviceUrls.Decide(serviceUrl);
        if (decision == ServiceUrlDecision.Refused)
        {
            ProtocolLog.ServiceUrlRefused(logger);
            throw new ConnectorException("The service URL is not on the allow-list.", null, "ServiceUrlNotAllowed");
        }

        // One parse of the whole address (the path's parts are already escaped), not the base and then the two together.
        var uri = new Uri((serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/") + path);
        var (buffer, length) = Serialize(body, bodyType);
        var json = buffer.AsMemory(0, length);
        CheckSize(json.Span);
        var client = httpClients.CreateClient(method == HttpMethod.Post ? CreatingClient : IdempotentClient);

        TResponse? result;
        using (var lease = await limiter.AcquireAsync(limiterKey, cancellationToken))
        {
            using var response = await SendOnceAsync(client, method, uri, json, decision, forceRefresh: false, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && decision == ServiceUrlDecision.WithToken)
            {
                // One forced token refresh, then fail (protocol.md §3.1).
                using var retried = await SendOnceAsync(client, method, uri, json, decision, forceRefresh: true, cancellationToken);
                result = await ReadAsync(retried, responseType, cancellationToken);
            }
            else
            {
                result = await ReadAsync(response, responseType, cancellationToken);
            }
        }

        // Only once every send has finished with the body. After a failure the buffer is left to the GC, not returned:
        // a send that gave up may not have stopped reading it yet.
        ArrayPool<byte>.Shared.Return(buffer);
        return result;
    }

    /// <summary>
    /// The body as UTF-8 JSON in a pooled array (its first <c>Length</c> bytes), which the send holds until it is done.
    /// A message is mostly its card, already UTF-8; a new array of its size for every send is what this saves.
    /// </summary>
    private static (byte[] Buffer, int Length) Serialize<TBody>(TBody body, JsonTypeInfo<TBody> bodyType) =>
        Scratch.Write(
            (body, bodyType),
            static (writer, state) => JsonSerializer.Serialize(writer, state.body, state.bodyType),
            static json =>
            {
                var buffer = ArrayPool<byte>.Shared.Rent(json.Length);
                json.CopyTo(buffer);
                return (buffer, json.Length);
            });

    // Written as JsonSerializer.SerializeToUtf8Bytes writes with the protocol's options.
    private static readonly ScratchJson Scratch = new(new JsonWriterOptions
    {
        Encoder = ProtocolJsonContext.Default.Options.Encoder,
        MaxDepth = ProtocolJsonContext.Default.Options.MaxDepth,
        SkipValidation = true,
    });

    private void CheckSize(ReadOnlySpan<byte> json)
    {
        var bytes = Encoding.UTF8.GetCharCount(json) * 2;
        if (bytes > MaxMessageBytes)
        {
            ProtocolLog.MessageTooLarge(logger, bytes);
            throw new ConnectorException($"The message is {bytes / 1024} KB; Teams accepts at most about 80 KB.", null, "MessageTooLarge");
        }

        if (bytes > WarnMessageBytes)
        {
            ProtocolLog.MessageLarge(logger, bytes);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient client, HttpMethod method, Uri uri, ReadOnlyMemory<byte> json, ServiceUrlDecision decision, bool forceRefresh,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = new ReadOnlyMemoryContent(json) };
        request.Content.Headers.ContentType = JsonContentType;
        if (decision == ServiceUrlDecision.WithToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(forceRefresh, cancellationToken));
        }

        try
        {
            return await client.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            ProtocolLog.ConnectorUnreachable(logger, method.Method, ex.GetType().Name);
            throw new ConnectorException("The connector did not answer.", null, "Unreachable", ex);
        }
    }

    private async Task<TResponse?> ReadAsync<TResponse>(
        HttpResponseMessage response, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : class
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var code = ErrorCode(text);
            ProtocolLog.ConnectorFailed(logger, (int)response.StatusCode, code);
            throw new ConnectorException($"The connector answered {(int)response.StatusCode} {code}.", (int)response.StatusCode, code);
        }

        // Teams sometimes answers with an empty body (protocol.md §3.2).
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, responseType);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ErrorCode(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                   && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
