using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Moq;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Protocol;

// The connector client against a real local HTTP server: a created message arrives once whatever the server does.
public class ConnectorClientTests
{
    private const string ConversationId = "19:abc@thread.tacv2;messageid=1700000000000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RetriesAThrottledPostAfterRetryAfterAndDeliversItOnce()
    {
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.Throttled(1), Behaviour.Ok);
        await using var services = Services();

        var id = await Connector(services).SendToConversationAsync(server.ServiceUrl, ConversationId, Message(), Ct);

        Assert.NotNull(id);
        Assert.Equal(2, server.Received.Count);
        Assert.True(server.Received[1].At - server.Received[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 should be honoured");
    }

    [Fact]
    public async Task PostsAgainAfterA503BecauseTheConnectorDidNotTakeTheMessage()
    {
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.Unavailable, Behaviour.Unavailable, Behaviour.Ok);
        await using var services = Services();

        var id = await Connector(services).SendToConversationAsync(server.ServiceUrl, ConversationId, Message(), Ct);

        Assert.NotNull(id);
        Assert.Equal(3, server.Received.Count);
    }

    [Fact]
    public async Task DoesNotPostAgainAfterA502BecauseTheMessageMayHaveArrived()
    {
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.BadGateway, Behaviour.Ok);
        await using var services = Services();

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => Connector(services).SendToConversationAsync(server.ServiceUrl, ConversationId, Message(), Ct));

        Assert.Equal(502, failure.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task DoesNotPostAgainAfterASlowResponseTimesOut()
    {
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.Hang, Behaviour.Ok);
        await using var services = Services();

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => Connector(services).ReplyToActivityAsync(server.ServiceUrl, ConversationId, "1700000000000", Message(), Ct));

        Assert.Null(failure.StatusCode);
        Assert.Single(server.Received);
    }

    [Fact]
    public async Task RetriesAnUpdateAfter503AndATimeoutBecausePutIsSafeToRepeat()
    {
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.Unavailable, Behaviour.Hang, Behaviour.Ok);
        await using var services = Services();

        await Connector(services).UpdateActivityAsync(server.ServiceUrl, ConversationId, "1700000000000", Message(), Ct);

        Assert.Equal(3, server.Received.Count);
        Assert.All(server.Received, r => Assert.Equal("PUT", r.Method));
    }

    [Fact]
    public async Task EscapesConversationAndActivityIdsInThePath()
    {
        await using var server = await LocalConnectorServer.StartAsync();
        await using var services = Services();

        await Connector(services).ReplyToActivityAsync(server.ServiceUrl, ConversationId, "1700000000000", Message(), Ct);

        Assert.Equal(
            "/_connector/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1700000000000/activities/1700000000000",
            server.Received.Single().RawTarget);
    }

    [Fact]
    public async Task SendsNoTokenToALoopbackServiceUrlInLocalDevelopment()
    {
        await using var server = await LocalConnectorServer.StartAsync();
        await using var services = Services();

        await Connector(services).SendToConversationAsync(server.ServiceUrl, ConversationId, Message(), Ct);

        Assert.Equal("", server.Received.Single().Authorization);
    }

    [Fact]
    public async Task DeliversEveryMessageOfABurstByWaitingForTheLimiterNotByDropping()
    {
        await using var server = await LocalConnectorServer.StartAsync();
        await using var services = Services();
        var connector = Connector(services);

        await Task.WhenAll(Enumerable.Range(0, 9).Select(_ => connector.SendToConversationAsync(server.ServiceUrl, ConversationId, Message(), Ct)));

        Assert.Equal(9, server.Received.Count);
    }

    [Fact]
    public async Task RefusesAMessageOverTeamsSizeLimitWithoutSendingIt()
    {
        await using var server = await LocalConnectorServer.StartAsync();
        await using var services = Services();
        var huge = new Activity { Type = "message", Text = new string('x', 41 * 1024) };

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => Connector(services).SendToConversationAsync(server.ServiceUrl, ConversationId, huge, Ct));

        Assert.Equal("MessageTooLarge", failure.Code);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task RefusesToCallAServiceUrlOffTheAllowListInProduction()
    {
        var tokens = new Mock<IConnectorTokenProvider>();
        await using var services = Services(production: true, configure: s => s.AddSingleton(tokens.Object));

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => Connector(services).SendToConversationAsync("https://smba.attacker.example/emea/", ConversationId, Message(), Ct));

        Assert.Equal("ServiceUrlNotAllowed", failure.Code);
        tokens.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SendsTheBotTokenToTeamsAndRefreshesItOnceAfterA401()
    {
        var tokens = new Mock<IConnectorTokenProvider>();
        tokens.Setup(t => t.GetTokenAsync(false, It.IsAny<CancellationToken>())).ReturnsAsync("old-token");
        tokens.Setup(t => t.GetTokenAsync(true, It.IsAny<CancellationToken>())).ReturnsAsync("new-token");
        var teams = new ScriptedHandler(HttpStatusCode.Unauthorized, HttpStatusCode.Created);
        await using var services = Services(production: true, configure: s =>
        {
            s.AddSingleton(tokens.Object);
            s.AddHttpClient(ConnectorClient.CreatingClient).ConfigurePrimaryHttpMessageHandler(() => teams);
        });

        await Connector(services).SendToConversationAsync(BotApplicationFactory.ServiceUrl, ConversationId, Message(), Ct);

        Assert.Equal(["Bearer old-token", "Bearer new-token"], teams.Authorizations);
        Assert.All(teams.Hosts, host => Assert.Equal("smba.trafficmanager.net", host));
    }

    private static IConnectorClient Connector(ServiceProvider services) => services.GetRequiredService<IConnectorClient>();

    private static Activity Message() => new() { Type = "message", Text = "Hello" };

    private static ServiceProvider Services(bool production = false, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = production ? Environments.Production : Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = BotTestAdapter.AppId,
            ["Bot:TenantId"] = BotTestAdapter.TenantId,
            ["Bot:AppPassword"] = "not-a-real-secret",
            ["Bot:AllowUnauthenticatedLocalRequests"] = production ? "false" : "true",
            ["Bot:ConnectorAttemptTimeout"] = "00:00:01",
            ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.010",
        });
        builder.Services.AddLogging();
        builder.AddProtocol();
        configure?.Invoke(builder.Services);
        return builder.Services.BuildServiceProvider();
    }

    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _next;

        public List<string> Authorizations { get; } = [];

        public List<string> Hosts { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? "");
            Hosts.Add(request.RequestUri!.Host);
            var status = statuses[Math.Min(_next++, statuses.Length - 1)];
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent("{\"id\":\"1\"}") });
        }
    }
}
