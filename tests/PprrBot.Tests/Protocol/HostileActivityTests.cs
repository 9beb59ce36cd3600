using System.Net;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace PprrBot.Tests.Protocol;

/// <summary>
/// Thousands of malformed and hostile activities, made by FsCheck generators, against the real endpoint in local
/// development mode: wrong types, huge strings, deep nesting, lone surrogates, missing fields, odd card submissions and
/// junk invokes. None may get a 5xx, and the host must still answer /healthz afterwards. The queue is made large enough
/// never to fill, so its documented 503 cannot occur.
/// </summary>
public sealed class HostileActivityTests : IDisposable
{
    private const int Cases = 2_000;

    private readonly string _databaseFolder = Directory.CreateTempSubdirectory("pprr-hostile-").FullName;
    private readonly BotApplicationFactory _bot;

    public HostileActivityTests() =>
        _bot = new BotApplicationFactory("Development", new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            ["Bot:QueueCapacity"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Data:SqlitePath"] = Path.Combine(_databaseFolder, "pprrbot.db"),
        });

    [Fact]
    public async Task NoHostileActivityGetsAServerErrorAndTheHostStaysUp()
    {
        using var client = _bot.ClientFrom(IPAddress.Loopback);
        var bodies = Bodies().Sample(Cases);
        var failures = new List<string>();

        foreach (var body in bodies)
        {
            using var response = await client.SendAsync(BotApplicationFactory.Post(body), TestContext.Current.CancellationToken);
            // 501 is the documented answer to an invoke no feature handles (protocol-notes.md); every other 5xx is a bug.
            if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
            {
                failures.Add($"{(int)response.StatusCode} for {Shorten(body)}");
            }
        }

        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Empty(failures);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public void Dispose()
    {
        _bot.Dispose();
        Directory.Delete(_databaseFolder, recursive: true);
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + $"... ({body.Length} chars)" : body;

    /// <summary>Request bodies: mostly activities with one or more parts damaged, some not JSON at all.</summary>
    internal static Gen<string> Bodies() =>
        Gen.Frequency(
            (8, DamagedActivity()),
            (1, Junk().Select(j => j?.ToJsonString() ?? "null")),
            (1, Strings()),
            (1, DamagedActivity().SelectMany(a => Gen.Choose(0, Math.Max(0, (a ?? "").Length - 1)).Select(cut => (a ?? "")[..cut]))));

    private static Gen<string> DamagedActivity() =>
        from type in Gen.OneOf(
            Gen.Elements<JsonNode?>("message", "invoke", "conversationUpdate", "installationUpdate", "messageReaction", "event", "typing", "MESSAGE", "", null),
            Junk())
        from name in Gen.OneOf(Gen.Elements<JsonNode?>("adaptiveCard/action", "fileConsent/invoke", "task/fetch", "", null), Junk())
        from text in Gen.OneOf(Strings().Select(s => (JsonNode?)s), Junk())
        from value in CardValue()
        from removed in Gen.SubListOf("id", "serviceUrl", "channelId", "from", "recipient", "conversation", "text", "value", "name", "entities", "channelData")
        from replaced in Gen.SubListOf("from", "recipient", "conversation", "serviceUrl", "channelId", "entities", "channelData", "timestamp", "replyToId")
        from junk in Junk()
        select Activity(type, name, text, value, removed, replaced, junk);

    private static string Activity(
        JsonNode? type, JsonNode? name, JsonNode? text, JsonNode? value, IEnumerable<string> removed, IEnumerable<string> replaced, JsonNode? junk)
    {
        var activity = BotApplicationFactory.Activity("message", "http://127.0.0.1:9/");
        activity["type"] = type?.DeepClone();
        activity["name"] = name?.DeepClone();
        activity["text"] = text?.DeepClone();
        activity["value"] = value?.DeepClone();
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>PprrBot</at>", ["mentioned"] = junk?.DeepClone() });
        foreach (var field in replaced)
        {
            activity[field] = junk?.DeepClone();
        }

        foreach (var field in removed)
        {
            activity.Remove(field);
        }

        return activity.ToJsonString();
    }

    /// <summary>Card submissions and invoke values of every odd shape, with some well-formed verbs among them.</summary>
    private static Gen<JsonNode?> CardValue() =>
        Gen.OneOf(
            Junk(),
            from verb in Gen.OneOf(Gen.Elements<JsonNode?>("show", "trend", "related", "ask", "route-question", "", null), Junk())
            from data in Junk()
            from text in Strings()
            select (JsonNode?)new JsonObject { ["pprr"] = verb?.DeepClone(), ["code"] = data?.DeepClone(), ["text"] = text },
            from verb in Gen.OneOf(Gen.Elements<JsonNode?>("show", "route-question", "", null), Junk())
            from data in Junk()
            from actionType in Gen.Elements<JsonNode?>("Action.Execute", "Action.Submit", 7, null)
            select (JsonNode?)new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = actionType?.DeepClone(), ["verb"] = verb?.DeepClone(), ["data"] = data?.DeepClone() },
                ["trigger"] = "manual",
            },
            Junk().Select(j => (JsonNode?)new JsonObject { ["action"] = j?.DeepClone(), ["context"] = j?.DeepClone(), ["uploadInfo"] = j?.DeepClone() }));

    /// <summary>Any JSON: scalars, odd strings, arrays and objects nested up to 80 deep (the endpoint's limit is lower).</summary>
    private static Gen<JsonNode?> Junk() =>
        Gen.Sized(size => JunkOfDepth(Math.Min(size, 6)))
            .SelectMany(j => Gen.Frequency((9, Gen.Constant(j)), (1, Gen.Choose(1, 80).Select(depth => Nest(j, depth)))));

    private static Gen<JsonNode?> JunkOfDepth(int depth)
    {
        var scalar = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            Gen.Elements<JsonNode?>(true, false, 0, -1, int.MaxValue, long.MinValue, 1e308, -0.0, 3.5m),
            Strings().Select(s => (JsonNode?)s));
        if (depth <= 0)
        {
            return scalar;
        }

        var child = JunkOfDepth(depth - 1);
        return Gen.Frequency(
            (4, scalar),
            (1, child.ListOf(4).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
            (1, Gen.Zip(Strings(), child).ListOf(4).Select(pairs =>
            {
                var obj = new JsonObject();
                foreach (var (key, item) in pairs)
                {
                    obj[key] = item?.DeepClone();
                }

                return (JsonNode?)obj;
            })));
    }

    private static JsonNode? Nest(JsonNode? inner, int depth)
    {
        var node = inner?.DeepClone();
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["x"] = node };
        }

        return node;
    }

    /// <summary>Strings members never type: control characters, lone surrogates, right-to-left marks, markup, huge ones.</summary>
    private static Gen<string> Strings() =>
        Gen.Frequency(
            (30, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")),
            (8, Gen.Elements(
                "\ud800", "\udfff abc", "a\ud83d", "\u202e\u0000\u0007", "<at>PprrBot</at>", "<script>alert(1)</script>",
                "'; DROP TABLE Measures; --", "%s%n%x", "../../etc/passwd", "CFE01", "what is the persistent absence rate for SEN?",
                "{{card}}", "\\u0000", "ﷺ𒐫𒈙", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇")),
            (1, Gen.Choose(5_000, 200_000).SelectMany(n => Gen.Elements('a', ' ', '\ud800', '9', '<').Select(c => new string(c, n)))),
            (1, Gen.Choose(1, 2_000).Select(n => string.Concat(Enumerable.Repeat("red amber green CFE01 ", n)))));
}
