using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace PprrBot.Protocol;

/// <summary>The bot's outbound access token for the Bot Connector.</summary>
internal interface IConnectorTokenProvider
{
    Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>
/// MSAL client credentials against our own tenant (protocol.md §3.1). MSAL's app token cache keeps the token until
/// shortly before it expires, so this is cheap to call for every send.
/// </summary>
internal sealed class MsalConnectorTokenProvider(IOptions<BotOptions> options, IMsalHttpClientFactory? httpClientFactory = null)
    : IConnectorTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _application = new(() => Build(options.Value, httpClientFactory));

    public async Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var result = await _application.Value
            .AcquireTokenForClient([options.Value.ConnectorScope])
            .WithForceRefresh(forceRefresh)
            .ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Build(BotOptions bot, IMsalHttpClientFactory? httpClientFactory)
    {
        var authority = $"{bot.AuthorityHost.TrimEnd('/')}/{bot.TenantId}";
        var builder = ConfidentialClientApplicationBuilder.Create(bot.AppId)
            .WithClientSecret(bot.AppPassword)
            .WithAuthority(authority, validateAuthority: bot.AuthorityHost == new BotOptions().AuthorityHost);
        if (httpClientFactory is not null)
        {
            builder = builder.WithHttpClientFactory(httpClientFactory).WithInstanceDiscovery(false);
        }

        return builder.Build();
    }
}
