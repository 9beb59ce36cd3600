using System.Net;
using Microsoft.IdentityModel.Tokens;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Protocol;

/// <summary>Shared key server: a key endorsing msteams, one with no endorsements, one endorsing only webchat.</summary>
public sealed class KeyServerFixture : IAsyncLifetime
{
    internal KeyServer Keys { get; private set; } = null!;

    internal RsaSecurityKey TeamsKey { get; } = KeyServer.NewKey("teams-key");

    internal RsaSecurityKey BareKey { get; } = KeyServer.NewKey("bare-key");

    internal RsaSecurityKey WebchatKey { get; } = KeyServer.NewKey("webchat-key");

    public async ValueTask InitializeAsync()
    {
        Keys = await KeyServer.StartAsync();
        Keys.Publish(TeamsKey, "msteams", "skype");
        Keys.Publish(BareKey);
        Keys.Publish(WebchatKey, "webchat");
    }

    public ValueTask DisposeAsync() => Keys.DisposeAsync();
}

// Every token case of protocol.md §2.7, through the real endpoint, against a real key server on loopback.
public class BotAuthenticationTests(KeyServerFixture fixture) : IClassFixture<KeyServerFixture>, IDisposable
{
    private const string Issuer = "https://api.botframework.com";
    private const string EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string ForeignTenant = "11111111-2222-3333-4444-555555555555";
    private const string EntraCaller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private readonly BotApplicationFactory _bot = BotApplicationFactory.Production(fixture.Keys);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> AcceptedCases => ["Valid", "ExpiredFourMinutesAgo", "Rs384", "Rs512"];

    public static TheoryData<string> RejectedCases =>
    [
        "WrongIssuer", "WrongAudience", "ExpiredSixMinutesAgo", "NotBeforeSixMinutesAhead", "AlgNone", "Hs256", "Ps256",
        "KeyWithoutEndorsements", "KeyEndorsingWebchatOnly", "MissingServiceUrl", "ServiceUrlDifferingInHost",
        "CamelCaseServiceUrlClaimOnly", "BasicHeader", "ThreePartHeader", "NoHeader", "EmulatorShaped",
        "EntraTokenFromForeignTenant", "WebchatChannelNotAllowed", "UnknownKid",
    ];

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public async Task AcceptsAValidChannelToken(string tokenCase)
    {
        using var client = _bot.CreateClient();
        var (authorization, channelId) = Case(tokenCase);

        using var response = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(channelId: channelId), authorization), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task RejectsEveryOtherTokenWithExactly401AndNoDetails(string tokenCase)
    {
        using var client = _bot.CreateClient();
        var (authorization, channelId) = Case(tokenCase);

        using var response = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(channelId: channelId), authorization), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("IDX", body, StringComparison.Ordinal);
        Assert.DoesNotContain("serviceurl", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("endorse", body, StringComparison.OrdinalIgnoreCase);
        if (authorization?.Split(' ') is [_, var token, ..] && token.Length > 20)
        {
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefreshesTheKeysOnceForAnUnknownKidAndNotAgain()
    {
        using var client = _bot.CreateClient();
        await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims())), Ct);
        var afterWarmUp = fixture.Keys.MetadataRequests;
        var unknown = KeyServer.NewKey("never-published");

        using var first = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims(), unknown)), Ct);
        var afterFirst = fixture.Keys.MetadataRequests;
        using var second = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims(), unknown)), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.True(afterFirst > afterWarmUp, "an unknown kid should refresh the keys once");
        Assert.Equal(afterFirst, fixture.Keys.MetadataRequests);
    }

    [Fact]
    public async Task AcceptsATokenSignedByAKeyPublishedAfterTheKeysWereCached()
    {
        await using var keys = await KeyServer.StartAsync();
        keys.Publish(fixture.TeamsKey, "msteams");
        await using var bot = BotApplicationFactory.Production(keys);
        using var client = bot.CreateClient();
        await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims())), Ct);
        var rolledOver = KeyServer.NewKey("next-key");
        keys.Publish(rolledOver, "msteams");

        using var response = await client.SendAsync(
            BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims(), rolledOver)), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnswersA503NotA401OrA500WhenTheKeyServerIsDown()
    {
        await using var bot = BotApplicationFactory.Production(
            fixture.Keys, new Dictionary<string, string?> { ["Bot:OpenIdMetadataUrl"] = "http://127.0.0.1:9/v1/.well-known/openidconfiguration" });
        using var client = bot.CreateClient();

        using var response = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims())), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task RejectsAnActivityFromATenantNotOnTheAllowList()
    {
        await using var bot = BotApplicationFactory.Production(
            fixture.Keys, new Dictionary<string, string?> { ["Bot:AllowedTenants:0"] = ForeignTenant });
        using var client = bot.CreateClient();

        using var response = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(ValidClaims())), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAnEntraTokenFromOurTenantOnlyWhenEnabled()
    {
        await using var bot = EntraEnabledBot();
        using var client = bot.CreateClient();

        using var ours = await client.SendAsync(
            BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(EntraClaims(BotTestAdapter.TenantId))), Ct);
        using var disabled = await _bot.CreateClient().SendAsync(
            BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(EntraClaims(BotTestAdapter.TenantId))), Ct);

        Assert.Equal(HttpStatusCode.Accepted, ours.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Fact]
    public async Task RejectsEntraTokensFromAForeignTenantOrAnUnlistedCallerEvenWhenEnabled()
    {
        await using var bot = EntraEnabledBot();
        using var client = bot.CreateClient();
        var unlistedCaller = EntraClaims(BotTestAdapter.TenantId);
        unlistedCaller["azp"] = "99999999-9999-9999-9999-999999999999";

        using var foreign = await client.SendAsync(
            BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(EntraClaims(ForeignTenant))), Ct);
        using var unlisted = await client.SendAsync(
            BotApplicationFactory.Post(BotApplicationFactory.Activity(), Bearer(unlistedCaller)), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unlisted.StatusCode);
    }

    public void Dispose() => _bot.Dispose();

    private BotApplicationFactory EntraEnabledBot() => BotApplicationFactory.Production(
        fixture.Keys,
        new Dictionary<string, string?>
        {
            ["Bot:EnableEntraTokens"] = "true",
            ["Bot:AuthorityHost"] = fixture.Keys.BaseAddress.ToString().TrimEnd('/'),
            ["Bot:AllowedEntraCallers:0"] = EntraCaller,
        });

    private Dictionary<string, object> EntraClaims(string tenant) => new()
    {
        ["iss"] = $"{fixture.Keys.BaseAddress.ToString().TrimEnd('/')}/{tenant}/v2.0",
        ["aud"] = BotTestAdapter.AppId,
        ["tid"] = tenant,
        ["azp"] = EntraCaller,
        ["nbf"] = Unix(TimeSpan.FromMinutes(-1)),
        ["exp"] = Unix(TimeSpan.FromHours(1)),
    };

    private (string? Authorization, string ChannelId) Case(string tokenCase)
    {
        var claims = ValidClaims();
        switch (tokenCase)
        {
            case "Valid":
                return (Bearer(claims), "msteams");
            case "ExpiredFourMinutesAgo":
                claims["exp"] = Unix(TimeSpan.FromMinutes(-4));
                claims["nbf"] = Unix(TimeSpan.FromMinutes(-60));
                return (Bearer(claims), "msteams");
            case "Rs384":
                return (Bearer(claims, algorithm: SecurityAlgorithms.RsaSha384), "msteams");
            case "Rs512":
                return (Bearer(claims, algorithm: SecurityAlgorithms.RsaSha512), "msteams");
            case "WrongIssuer":
                claims["iss"] = "https://api.botframework.example";
                return (Bearer(claims), "msteams");
            case "WrongAudience":
                claims["aud"] = "00000000-0000-0000-0000-000000000001";
                return (Bearer(claims), "msteams");
            case "ExpiredSixMinutesAgo":
                claims["exp"] = Unix(TimeSpan.FromMinutes(-6));
                claims["nbf"] = Unix(TimeSpan.FromMinutes(-60));
                return (Bearer(claims), "msteams");
            case "NotBeforeSixMinutesAhead":
                claims["nbf"] = Unix(TimeSpan.FromMinutes(6));
                return (Bearer(claims), "msteams");
            case "AlgNone":
                return ("Bearer " + KeyServer.UnsignedToken(fixture.TeamsKey.KeyId, claims), "msteams");
            case "Hs256":
                var shared = new SymmetricSecurityKey(new byte[32]) { KeyId = fixture.TeamsKey.KeyId };
                return ("Bearer " + KeyServer.Token(shared, claims, SecurityAlgorithms.HmacSha256), "msteams");
            case "Ps256":
                return (Bearer(claims, algorithm: SecurityAlgorithms.RsaSsaPssSha256), "msteams");
            case "UnknownKid":
                return (Bearer(claims, KeyServer.NewKey("unknown-kid")), "msteams");
            case "KeyWithoutEndorsements":
                return (Bearer(claims, fixture.BareKey), "msteams");
            case "KeyEndorsingWebchatOnly":
                return (Bearer(claims, fixture.WebchatKey), "msteams");
            case "WebchatChannelNotAllowed":
                return (Bearer(claims, fixture.WebchatKey), "webchat");
            case "MissingServiceUrl":
                claims.Remove("serviceurl");
                return (Bearer(claims), "msteams");
            case "ServiceUrlDifferingInHost":
                claims["serviceurl"] = "https://smba.attacker.example/emea/";
                return (Bearer(claims), "msteams");
            case "CamelCaseServiceUrlClaimOnly":
                claims.Remove("serviceurl");
                claims["serviceUrl"] = BotApplicationFactory.ServiceUrl;
                return (Bearer(claims), "msteams");
            case "BasicHeader":
                return ("Basic " + Convert.ToBase64String("bot:secret"u8.ToArray()), "msteams");
            case "ThreePartHeader":
                return (Bearer(claims) + " extra", "msteams");
            case "NoHeader":
                return (null, "msteams");
            case "EmulatorShaped":
                return (Bearer(new Dictionary<string, object>
                {
                    ["iss"] = EmulatorIssuer,
                    ["aud"] = "https://graph.microsoft.com",
                    ["appid"] = BotTestAdapter.AppId,
                    ["ver"] = "1.0",
                    ["nbf"] = Unix(TimeSpan.FromMinutes(-1)),
                    ["exp"] = Unix(TimeSpan.FromHours(1)),
                }), "msteams");
            case "EntraTokenFromForeignTenant":
                return (Bearer(new Dictionary<string, object>
                {
                    ["iss"] = $"https://sts.windows.net/{ForeignTenant}/",
                    ["aud"] = BotTestAdapter.AppId,
                    ["tid"] = ForeignTenant,
                    ["appid"] = BotTestAdapter.AppId,
                    ["nbf"] = Unix(TimeSpan.FromMinutes(-1)),
                    ["exp"] = Unix(TimeSpan.FromHours(1)),
                }), "msteams");
            default:
                throw new ArgumentOutOfRangeException(nameof(tokenCase), tokenCase, "Unknown token case.");
        }
    }

    private static Dictionary<string, object> ValidClaims() => new()
    {
        ["iss"] = Issuer,
        ["aud"] = BotTestAdapter.AppId,
        ["serviceurl"] = BotApplicationFactory.ServiceUrl,
        ["nbf"] = Unix(TimeSpan.FromMinutes(-1)),
        ["exp"] = Unix(TimeSpan.FromHours(1)),
    };

    private string Bearer(IDictionary<string, object> claims, RsaSecurityKey? key = null, string algorithm = SecurityAlgorithms.RsaSha256) =>
        "Bearer " + KeyServer.Token(key ?? fixture.TeamsKey, claims, algorithm);

    private static long Unix(TimeSpan fromNow) => DateTimeOffset.UtcNow.Add(fromNow).ToUnixTimeSeconds();
}
