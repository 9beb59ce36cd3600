using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PprrBot.Protocol;

/// <summary>
/// The cached signing keys (protocol.md §2.6): the Bot Framework OpenID configuration, a second manager over the same
/// JWKS for each key's endorsements, and, when enabled, our own tenant's Entra keys (§2.3 path B).
/// </summary>
internal sealed class BotSigningKeys : IDisposable
{
    private static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(12);

    private readonly HttpClient _http;

    public BotSigningKeys(IOptions<BotOptions> options)
    {
        var bot = options.Value;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        var metadata = new Uri(bot.OpenIdMetadataUrl);
        var retriever = DocumentRetriever(metadata);
        Channel = new ConfigurationManager<OpenIdConnectConfiguration>(
            bot.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefresh,
        };
        Endorsements = new ConfigurationManager<IReadOnlyDictionary<string, HashSet<string>>>(
            bot.OpenIdMetadataUrl, new EndorsementsRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefresh,
        };

        if (bot.EnableEntraTokens && !string.IsNullOrWhiteSpace(bot.TenantId))
        {
            var entraMetadata = $"{bot.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(bot.TenantId)}/v2.0/.well-known/openid-configuration";
            Entra = new ConfigurationManager<OpenIdConnectConfiguration>(
                entraMetadata, new OpenIdConnectConfigurationRetriever(), DocumentRetriever(new Uri(entraMetadata)))
            {
                AutomaticRefreshInterval = AutomaticRefresh,
            };
        }
    }

    public ConfigurationManager<OpenIdConnectConfiguration> Channel { get; }

    public ConfigurationManager<IReadOnlyDictionary<string, HashSet<string>>> Endorsements { get; }

    public ConfigurationManager<OpenIdConnectConfiguration>? Entra { get; }

    /// <summary>The current configuration of a manager; an outage of the key server is our problem, not the caller's.</summary>
    public static async Task<T> GetAsync<T>(ConfigurationManager<T> manager, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await manager.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new SigningKeysUnavailableException(ex);
        }
    }

    /// <summary>One forced refresh after an unknown kid (key rollover); the managers rate-limit it.</summary>
    public void RequestChannelRefresh()
    {
        Channel.RequestRefresh();
        Endorsements.RequestRefresh();
    }

    public void Dispose() => _http.Dispose();

    // A local key server (tests, a council's test rig) serves plain HTTP on loopback; anything else must be HTTPS.
    private HttpDocumentRetriever DocumentRetriever(Uri metadata) => new(_http) { RequireHttps = !metadata.IsLoopback };

    /// <summary>Reads kid → endorsements from the JWKS named by the OpenID document (botbuilder's EndorsementsRetriever).</summary>
    private sealed class EndorsementsRetriever : IConfigurationRetriever<IReadOnlyDictionary<string, HashSet<string>>>
    {
        public async Task<IReadOnlyDictionary<string, HashSet<string>>> GetConfigurationAsync(
            string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var metadata = await retriever.GetDocumentAsync(address, cancel);
            string? jwksUri;
            using (var document = JsonDocument.Parse(metadata))
            {
                jwksUri = document.RootElement.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
            }

            if (string.IsNullOrEmpty(jwksUri))
            {
                throw new InvalidOperationException("The OpenID metadata has no jwks_uri.");
            }

            var keys = await retriever.GetDocumentAsync(jwksUri, cancel);
            using var jwks = JsonDocument.Parse(keys);
            var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            if (!jwks.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
            {
                return result;
            }

            foreach (var key in keyArray.EnumerateArray())
            {
                if (!key.TryGetProperty("kid", out var kid) || kid.GetString() is not { } keyId)
                {
                    continue;
                }

                var endorsements = new HashSet<string>(StringComparer.Ordinal);
                if (key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var endorsement in list.EnumerateArray())
                    {
                        if (endorsement.GetString() is { } value)
                        {
                            endorsements.Add(value);
                        }
                    }
                }

                result[keyId] = endorsements;
            }

            return result;
        }
    }
}

/// <summary>The signing keys could not be fetched and none are cached: the endpoint answers 503, not 401.</summary>
internal sealed class SigningKeysUnavailableException(Exception innerException)
    : Exception("The Bot Framework signing keys could not be retrieved.", innerException);
