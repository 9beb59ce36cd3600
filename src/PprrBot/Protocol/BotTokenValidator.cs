using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PprrBot.Protocol;

/// <summary>
/// Inbound authentication exactly as protocol.md §2.2: header shape, issuer pre-check, signature with one refresh on
/// an unknown kid, issuer/audience/lifetime (5 min skew)/algorithm; then, once the activity is parsed, endorsements,
/// the serviceurl binding, the channel and tenant allow-lists. No emulator path.
/// </summary>
internal sealed class BotTokenValidator(
    IOptions<BotOptions> options,
    BotSigningKeys keys,
    ServiceUrlPolicy serviceUrls,
    ILogger<BotTokenValidator> logger)
{
    private const string ServiceUrlClaim = "serviceurl";

    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>Validates the token itself; the activity binding comes after the body is parsed.</summary>
    public async Task<TokenCheck> ValidateTokenAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!TryReadBearer(authorizationHeader, out var token))
        {
            return Reject("missing or malformed Authorization header");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Reject("unreadable token");
        }

        var bot = options.Value;
        if (string.Equals(jwt.Issuer, bot.TokenIssuer, StringComparison.Ordinal))
        {
            return await ValidateChannelTokenAsync(token, jwt, cancellationToken);
        }

        if (bot.EnableEntraTokens && keys.Entra is not null && EntraIssuers(bot).Contains(jwt.Issuer, StringComparer.Ordinal))
        {
            return await ValidateEntraTokenAsync(token, jwt, cancellationToken);
        }

        // Logged so we notice if Bot Service starts sending Entra-issued tokens (protocol.md §2.3).
        ProtocolLog.IssuerRejected(logger, jwt.Issuer);
        return TokenCheck.Rejected("issuer not allowed");
    }

    /// <summary>Binds a valid token to the activity it came with; returns the reason for refusing, or null.</summary>
    public async Task<string?> CheckActivityAsync(TokenCheck token, Activity activity, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        if (activity.ChannelId is null || !bot.AllowedChannels.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return "channel not allowed";
        }

        if (token.Path == TokenPath.Channel)
        {
            var endorsements = await BotSigningKeys.GetAsync(keys.Endorsements, cancellationToken);
            if (token.KeyId is not null && !endorsements.ContainsKey(token.KeyId))
            {
                // The two managers refresh on their own schedules; a key new to one may be unknown to the other.
                keys.Endorsements.RequestRefresh();
                endorsements = await BotSigningKeys.GetAsync(keys.Endorsements, cancellationToken);
            }

            if (token.KeyId is null || !endorsements.TryGetValue(token.KeyId, out var endorsed) || endorsed.Count == 0)
            {
                return "signing key has no endorsements";
            }

            if (!endorsed.Contains(activity.ChannelId))
            {
                return "signing key does not endorse the channel";
            }

            if (string.IsNullOrEmpty(token.ServiceUrl))
            {
                return "missing serviceurl claim";
            }

            if (!string.Equals(token.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            {
                return "serviceurl claim mismatch";
            }
        }
        else if (serviceUrls.Decide(activity.ServiceUrl) != ServiceUrlDecision.WithToken)
        {
            return "service URL not on the allow-list";
        }

        return TenantAllowed(bot, activity) ? null : "tenant not allowed";
    }

    internal static bool TenantAllowed(BotOptions bot, Activity activity)
    {
        if (bot.AllowedTenants.Count == 0)
        {
            return true;
        }

        var tenant = activity.FindTenantId();
        return tenant is not null && bot.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private async Task<TokenCheck> ValidateChannelTokenAsync(string token, JsonWebToken jwt, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var configuration = await BotSigningKeys.GetAsync(keys.Channel, cancellationToken);
        if (!configuration.SigningKeys.Any(key => key.KeyId == jwt.Kid))
        {
            keys.RequestChannelRefresh();
            configuration = await BotSigningKeys.GetAsync(keys.Channel, cancellationToken);
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters([bot.TokenIssuer], configuration.SigningKeys));
        if (!result.IsValid)
        {
            return Reject(result.Exception?.GetType().Name ?? "invalid token");
        }

        var serviceUrl = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        return new TokenCheck(TokenPath.Channel, jwt.Kid, serviceUrl, null);
    }

    private async Task<TokenCheck> ValidateEntraTokenAsync(string token, JsonWebToken jwt, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var configuration = await BotSigningKeys.GetAsync(keys.Entra!, cancellationToken);
        var result = await _handler.ValidateTokenAsync(token, Parameters(EntraIssuers(bot), configuration.SigningKeys));
        if (!result.IsValid)
        {
            return Reject(result.Exception?.GetType().Name ?? "invalid token");
        }

        // The tenant is ours from configuration, never the token's own claim (protocol.md §2.3).
        var tenant = result.Claims.TryGetValue("tid", out var tid) ? tid as string : null;
        var caller = (result.Claims.TryGetValue("azp", out var azp) ? azp : result.Claims.TryGetValue("appid", out var appid) ? appid : null) as string;
        if (!string.Equals(tenant, bot.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return Reject("token tenant is not ours");
        }

        if (caller is null || !bot.AllowedEntraCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return Reject("caller not allowed");
        }

        return new TokenCheck(TokenPath.Entra, jwt.Kid, null, null);
    }

    private TokenValidationParameters Parameters(IEnumerable<string> issuers, IEnumerable<SecurityKey> signingKeys) => new()
    {
        ValidIssuers = issuers,
        ValidateIssuer = true,
        ValidAudience = options.Value.AppId,
        ValidateAudience = true,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        IssuerSigningKeys = signingKeys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
    };

    private static string[] EntraIssuers(BotOptions bot) =>
    [
        $"https://sts.windows.net/{bot.TenantId}/",
        $"{bot.AuthorityHost.TrimEnd('/')}/{bot.TenantId}/v2.0",
    ];

    private static bool TryReadBearer(string? header, out string token)
    {
        token = "";
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var parts = header.Split(' ');
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase) || parts[1].Length == 0)
        {
            return false;
        }

        token = parts[1];
        return true;
    }

    private TokenCheck Reject(string reason)
    {
        ProtocolLog.TokenRejected(logger, reason);
        return TokenCheck.Rejected(reason);
    }
}

internal enum TokenPath
{
    None,
    Channel,
    Entra,
    LocalDevelopment,
}

/// <summary>The outcome of validating a token: which path accepted it, or why it was refused.</summary>
internal sealed record TokenCheck(TokenPath Path, string? KeyId, string? ServiceUrl, string? Failure)
{
    public bool IsValid => Failure is null;

    public static TokenCheck Rejected(string reason) => new(TokenPath.None, null, null, reason);

    public static TokenCheck Local { get; } = new(TokenPath.LocalDevelopment, null, null, null);
}
