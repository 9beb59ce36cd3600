using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PprrBot.Data;
using PprrBot.Data.Conversations;
using Polly;

namespace PprrBot.Protocol;

public static class ProtocolServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddProtocol(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder is WebApplicationBuilder web)
        {
            // Teams keeps a few connections open and sends on them all day: each keeps a buffer rather than asking the
            // socket first whether data is there, a system call less per activity (docs/performance.md, "Load").
            web.WebHost.UseSockets(sockets => sockets.WaitForDataBeforeAllocatingBuffer = false);
        }

        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>, BotOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();

        // The data feature registers the database-backed store; this one only fills in when it is absent.
        services.TryAddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        PprrDataReadiness.TryAddReady(services);

        services.AddSingleton<BotSigningKeys>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotTokenValidator>();
        services.AddSingleton(sp => new RedeliveryFilter(
            sp.GetRequiredService<TimeProvider>(), RedeliveryFilter.DefaultWindow, RedeliveryFilter.DefaultCapacity));
        services.AddKeyedSingleton(TurnHandler.SavedReferencesKey, (sp, _) => new RedeliveryFilter(
            sp.GetRequiredService<TimeProvider>(), RedeliveryFilter.DefaultWindow, RedeliveryFilter.DefaultCapacity));
        services.AddSingleton<ActivityQueue>();
        services.AddHostedService<ActivityQueueProcessor>();
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<InvokeRunner>();
        services.AddSingleton<MessagesEndpoint>();

        services.AddSingleton(sp => new ConversationRateLimiter(sp.GetRequiredService<IOptions<BotOptions>>()));
        services.AddSingleton<IConnectorTokenProvider, MsalConnectorTokenProvider>();
        services.AddSingleton<IConnectorClient, ConnectorClient>();
        services.AddSingleton<IConversationSender, ConversationSender>();
        AddConnectorHttpClient(services, ConnectorClient.CreatingClient, idempotent: false);
        AddConnectorHttpClient(services, ConnectorClient.IdempotentClient, idempotent: true);
        return builder;
    }

    public static IEndpointRouteBuilder MapProtocol(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (LocalDevelopment.IsAllowed(services.GetRequiredService<IHostEnvironment>(), services.GetRequiredService<IOptions<BotOptions>>().Value))
        {
            ProtocolLog.LocalDevelopmentMode(services.GetRequiredService<ILoggerFactory>().CreateLogger<MessagesEndpoint>());
        }

        // Other methods on the route get 405 from routing (protocol.md §1.1).
        endpoints.MapPost(MessagesEndpoint.Route, services.GetRequiredService<MessagesEndpoint>().PostAsync);
        endpoints.MapMethods(MessagesEndpoint.Route, [HttpMethods.Head], MessagesEndpoint.Head);
        return endpoints;
    }

    /// <summary>
    /// Retries per protocol.md §3.6. A POST creates an activity, so it is retried only when the connector refused it
    /// outright (429 honouring Retry-After, 412, 503): after a 5xx or a timeout it may already have been delivered.
    /// </summary>
    private static void AddConnectorHttpClient(IServiceCollection services, string name, bool idempotent)
    {
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // ConnectorClient logs what matters (refusals, failures, sizes) with ids; the factory's per-request
            // logging handlers only added a scope and two timers to every reply.
            .RemoveAllLoggers()
            .AddResilienceHandler(name, (pipeline, context) =>
            {
                var bot = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                pipeline.AddTimeout(TimeSpan.FromMinutes(2));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, bot.ConnectorMaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = bot.ConnectorRetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, idempotent, bot.ConnectorMaxRetries)),
                });
                pipeline.AddTimeout(bot.ConnectorAttemptTimeout);
            });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent, int maxRetries)
    {
        if (maxRetries == 0)
        {
            return false;
        }

        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                // 429, 412 and 503 are the connector declining the request: nothing was posted, so even a POST that
                // creates a message is safe to send again (RFC 9110 §15.6.4), and an answer is not lost in an outage.
                HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable => true,
                // A 502 or 504 may come after the message was delivered: only a PUT (same result twice) is repeated.
                HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => idempotent,
                _ => false,
            };
        }

        return idempotent && outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException;
    }
}
