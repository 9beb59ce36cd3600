using System.ComponentModel.DataAnnotations;

namespace PprrBot.Protocol;

/// <summary>The bot's Azure registration and the protocol's limits; section "Bot".</summary>
internal sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The Azure Bot's Microsoft App Id (a GUID): the audience of inbound tokens and the outbound client id.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The client secret for outbound tokens. A secret: user secrets or environment only.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>The bot's Entra tenant (single-tenant bots): the outbound token authority.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>Bot Framework OpenID metadata; tests and council test rigs point this at a local key server.</summary>
    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The only accepted issuer of channel tokens.</summary>
    [Required]
    public string TokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>Outbound token authority host; MSAL appends the tenant.</summary>
    [Required]
    [Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of the outbound connector token.</summary>
    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Channels accepted inbound (protocol.md §2.2 step 8). Add "webchat" for the Azure portal test chat.</summary>
    public IList<string> AllowedChannels { get; init; } = ["msteams"];

    /// <summary>When not empty, activities from any other tenant are refused.</summary>
    public IList<string> AllowedTenants { get; init; } = [];

    /// <summary>Extra service hosts (exact or ".suffix") allowed outbound, besides the Teams ones (protocol.md §3.5).</summary>
    public IList<string> AllowedServiceHosts { get; init; } = [];

    /// <summary>
    /// Local development only: in the Development environment, requests from loopback without a token are accepted and
    /// replies go, without a token, only to loopback service URLs. Ignored in every other environment.
    /// </summary>
    public bool AllowUnauthenticatedLocalRequests { get; set; }

    /// <summary>Accept Entra-issued tokens from our own tenant (protocol.md §2.3 path B). Off by default.</summary>
    public bool EnableEntraTokens { get; set; }

    /// <summary>Client ids (azp/appid) allowed to call with an Entra token when <see cref="EnableEntraTokens"/> is on.</summary>
    public IList<string> AllowedEntraCallers { get; init; } = [];

    /// <summary>Activities waiting to be processed; when full, the endpoint answers 503 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int QueueCapacity { get; set; } = 500;

    /// <summary>Activities processed at the same time.</summary>
    [Range(1, 64)]
    public int QueueWorkers { get; set; } = 16;

    /// <summary>
    /// Sends a second across all conversations (Teams' per-app-per-tenant throttle, protocol.md §3.6). Keep the default
    /// against Teams: there Teams' own limit bounds replies per tenant whatever this says. Load rigs on loopback raise it.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AppSendLimitPerSecond { get; set; } = ConversationRateLimiter.DefaultAppLimitPerSecond;

    /// <summary>Largest accepted activity body.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 1024 * 1024;

    /// <summary>One connector call attempt may take this long before it counts as timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after a throttled or failed connector call (protocol.md §3.6 recommends at most 4 attempts).</summary>
    [Range(0, 6)]
    public int ConnectorMaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
