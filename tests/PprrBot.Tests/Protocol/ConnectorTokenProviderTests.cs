using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Protocol;

// MSAL client credentials against our own tenant, with the token endpoint answered in-process.
public class ConnectorTokenProviderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AsksOurTenantForABotFrameworkTokenWithClientCredentials()
    {
        var tokenEndpoint = new TokenEndpoint();
        var provider = Provider(tokenEndpoint);

        var token = await provider.GetTokenAsync(forceRefresh: false, Ct);

        Assert.Equal("token-1", token);
        var request = Assert.Single(tokenEndpoint.Requests);
        Assert.Equal($"/{BotTestAdapter.TenantId}/oauth2/v2.0/token", request.Path);
        Assert.Contains("grant_type=client_credentials", request.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
        Assert.Contains($"client_id={BotTestAdapter.AppId}", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusesTheCachedTokenUntilARefreshIsForced()
    {
        var tokenEndpoint = new TokenEndpoint();
        var provider = Provider(tokenEndpoint);

        var first = await provider.GetTokenAsync(forceRefresh: false, Ct);
        var second = await provider.GetTokenAsync(forceRefresh: false, Ct);
        var forced = await provider.GetTokenAsync(forceRefresh: true, Ct);

        Assert.Equal(first, second);
        Assert.NotEqual(first, forced);
        Assert.Equal(2, tokenEndpoint.Requests.Count);
    }

    private static MsalConnectorTokenProvider Provider(TokenEndpoint endpoint) => new(
        Options.Create(new BotOptions { AppId = BotTestAdapter.AppId, TenantId = BotTestAdapter.TenantId, AppPassword = "not-a-real-secret" }),
        endpoint);

    private sealed record TokenRequest(string Path, string Body);

    private sealed class TokenEndpoint : HttpMessageHandler, IMsalHttpClientFactory
    {
        public List<TokenRequest> Requests { get; } = [];

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add(new TokenRequest(request.RequestUri!.AbsolutePath, body));
            var json = $$"""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"token-{{Requests.Count}}"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
