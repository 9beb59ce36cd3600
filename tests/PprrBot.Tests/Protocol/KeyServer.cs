using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PprrBot.Tests.Protocol;

/// <summary>
/// A real Bot Framework-style key server on 127.0.0.1: OpenID metadata, and a JWKS whose keys carry endorsements
/// (protocol.md §2.7). Keys are generated here; the server counts metadata fetches so tests can see refreshes.
/// Also serves an Entra tenant's metadata at /{tenant}/v2.0/.well-known/openid-configuration.
/// </summary>
internal sealed class KeyServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _published = [];
    private readonly Lock _lock = new();
    private int _metadataRequests;

    private KeyServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private init; } = null!;

    public string MetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<KeyServer> StartAsync()
    {
        KeyServer? server = null;
        var (app, baseAddress) = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () =>
            {
                Interlocked.Increment(ref server!._metadataRequests);
                return Results.Text(server.Metadata("https://api.botframework.com", "v1/keys"), "application/json");
            });
            app.MapGet("/v1/keys", () => Results.Text(server!.Jwks(), "application/json"));
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
                Results.Text(server!.Metadata($"{server.BaseAddress.ToString().TrimEnd('/')}/{tenant}/v2.0", "v1/keys"), "application/json"));
        });
        server = new KeyServer(app) { BaseAddress = baseAddress };
        return server;
    }

    /// <summary>Generates an RSA key; when published it appears in the JWKS with these endorsements.</summary>
    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public void Publish(RsaSecurityKey key, params string[] endorsements)
    {
        lock (_lock)
        {
            _published.Add((key, endorsements));
        }
    }

    /// <summary>A token signed with <paramref name="key"/>; the claims are exactly those given.</summary>
    public static string Token(SecurityKey key, IDictionary<string, object> claims, string algorithm = SecurityAlgorithms.RsaSha256) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    /// <summary>An unsigned token ("alg": "none").</summary>
    public static string UnsignedToken(string kid, IDictionary<string, object> claims)
    {
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject();
        foreach (var (name, value) in claims)
        {
            payload[name] = JsonValue.Create(value);
        }

        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string Metadata(string issuer, string jwksPath) => new JsonObject
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = new Uri(BaseAddress, "v1/authorize").ToString(),
        ["jwks_uri"] = new Uri(BaseAddress, jwksPath).ToString(),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    private string Jwks()
    {
        var keys = new JsonArray();
        lock (_lock)
        {
            foreach (var (key, endorsements) in _published)
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (endorsements.Length > 0)
                {
                    jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]);
                }

                keys.Add(jwk);
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }
}
