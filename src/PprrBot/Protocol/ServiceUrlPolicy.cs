using Microsoft.Extensions.Options;

namespace PprrBot.Protocol;

/// <summary>
/// Where the bot may send its connector token (protocol.md §3.5): HTTPS to the Teams/Bot Framework hosts or configured
/// extras; plain loopback only in the Development bypass, and then without a token.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<BotOptions> options, IHostEnvironment environment)
{
    // Exact hosts, and suffixes starting with a dot. trafficmanager.net is shared, so only the exact Teams host.
    private static readonly string[] TeamsHosts =
        ["smba.trafficmanager.net", ".botframework.com", ".botframework.azure.us", ".teams.microsoft.com", ".teams.microsoft.us"];

    public ServiceUrlDecision Decide(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return ServiceUrlDecision.Refused;
        }

        if (uri.IsLoopback)
        {
            return LocalDevelopment.IsAllowed(environment, options.Value) ? ServiceUrlDecision.LocalWithoutToken : ServiceUrlDecision.Refused;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return ServiceUrlDecision.Refused;
        }

        var host = uri.IdnHost;
        return TeamsHosts.Concat(options.Value.AllowedServiceHosts).Any(allowed => HostMatches(host, allowed))
            ? ServiceUrlDecision.WithToken
            : ServiceUrlDecision.Refused;
    }

    private static bool HostMatches(string host, string allowed) =>
        allowed.StartsWith('.')
            ? host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase) && host.Length > allowed.Length
            : string.Equals(host, allowed, StringComparison.OrdinalIgnoreCase);
}

internal enum ServiceUrlDecision
{
    Refused,
    WithToken,
    LocalWithoutToken,
}
