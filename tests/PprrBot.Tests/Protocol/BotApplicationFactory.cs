using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Protocol;

/// <summary>
/// The real app over TestServer with chosen settings and environment; outgoing activities are recorded instead of
/// sent. Clients can pose as any remote address.
/// </summary>
internal sealed class BotApplicationFactory(
    string environment, IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public RecordingConnector Connector { get; } = new();

    /// <summary>Production settings with a real app id, pointed at a local key server.</summary>
    public static BotApplicationFactory Production(KeyServer keys, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = BotTestAdapter.AppId,
            ["Bot:TenantId"] = BotTestAdapter.TenantId,
            ["Bot:AppPassword"] = "not-a-real-secret",
            ["Bot:OpenIdMetadataUrl"] = keys.MetadataUrl,
            ["Bot:AllowUnauthenticatedLocalRequests"] = "false",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new BotApplicationFactory("Production", settings);
    }

    /// <summary>A client whose requests arrive from <paramref name="remoteAddress"/> (TestServer has none by default).</summary>
    public HttpClient ClientFrom(IPAddress remoteAddress) =>
        new(Server.CreateHandler(context => context.Connection.RemoteIpAddress = remoteAddress)) { BaseAddress = Server.BaseAddress };

    /// <summary>A Teams-shaped activity as JSON.</summary>
    public static JsonObject Activity(string type = "message", string serviceUrl = ServiceUrl, string channelId = "msteams") => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = channelId,
        ["from"] = new JsonObject { ["id"] = "29:member-1", ["aadObjectId"] = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + BotTestAdapter.AppId, ["name"] = "PprrBot" },
        ["conversation"] = new JsonObject
        {
            ["id"] = "a:conversation-1", ["conversationType"] = "personal", ["tenantId"] = BotTestAdapter.TenantId,
        },
        ["text"] = "hello",
        ["someFieldFromTheFuture"] = new JsonObject { ["nested"] = true },
    };

    public static HttpRequestMessage Post(JsonObject activity, string? authorization = null) =>
        Post(activity.ToJsonString(), authorization);

    public static HttpRequestMessage Post(string body, string? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            configureServices?.Invoke(services);
        });
    }
}
