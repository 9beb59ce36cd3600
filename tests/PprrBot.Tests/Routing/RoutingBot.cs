using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PprrBot.Conversation;
using PprrBot.Data;
using PprrBot.Data.Imports;
using PprrBot.Data.Outbox;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Routing;

/// <summary>
/// The bot as Program.cs wires it (data, Protocol, Conversation, Routing) on a real database, driven in-process
/// by <see cref="BotTestAdapter"/> with a fake clock. The outbox and the reminder sweep run when the test says, so
/// nothing depends on timing.
/// </summary>
internal sealed class RoutingBot : IAsyncDisposable
{
    public const string MemberAad = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    public const string PerformanceOfficerAad = "6a1b2c3d-0000-4000-8000-00000000a001";
    public const string ChildrenFinanceOfficerAad = "6a1b2c3d-0000-4000-8000-00000000a002";
    public const string DemocraticServicesAad = "6a1b2c3d-0000-4000-8000-00000000a003";
    public const string Performance = "Strategy and Performance Manager";
    public const string ChildrenFinance = "CSS Manager (Specialist) Finance – Children's Social Care";

    private readonly TimeProvider _time;

    private RoutingBot(BotTestAdapter adapter, TimeProvider time)
    {
        Adapter = adapter;
        _time = time;
    }

    public BotTestAdapter Adapter { get; }

    /// <summary>The fake clock (every test but those that need real HTTP retries uses one).</summary>
    public FakeTimeProvider Time => (FakeTimeProvider)_time;

    public RecordingConnector Connector => Adapter.Connector;

    public IServiceProvider Services => Adapter.Services;

    /// <summary>The member's chat with the bot, where acknowledgements and answers arrive.</summary>
    public string MemberConversationId { get; } = "a:personal-member-1";

    public static ChannelAccount Member { get; } = new() { Id = "29:member-1", Name = "Councillor Test", AadObjectId = MemberAad };

    public static ChannelAccount PerformanceOfficer { get; } = new() { Id = "29:gaynor", Name = "Gaynor Ward", AadObjectId = PerformanceOfficerAad };

    public static ChannelAccount DemocraticServices { get; } = new() { Id = "29:ds", Name = "Democratic Services", AadObjectId = DemocraticServicesAad };

    /// <summary>A SQLite file that outlives one bot, so a second "process" can open it.</summary>
    public static string NewSqliteFile() => Path.Combine(Path.GetTempPath(), $"pprr-routing-{Guid.NewGuid():N}.db");

    public static async Task<RoutingBot> StartAsync(
        TimeProvider time,
        string? sqliteFile = null,
        string? postgres = null,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Data:Provider"] = postgres is null ? "Sqlite" : "Postgres",
            ["Data:SqlitePath"] = sqliteFile ?? NewSqliteFile(),
            ["ConnectionStrings:Pprr"] = postgres,
            ["Routing:Officers:0:Role"] = Performance,
            ["Routing:Officers:0:AadObjectId"] = PerformanceOfficerAad,
            ["Routing:Officers:1:Role"] = ChildrenFinance,
            ["Routing:Officers:1:AadObjectId"] = ChildrenFinanceOfficerAad,
            ["Routing:DemocraticServices:0"] = DemocraticServicesAad,
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var adapter = BotTestAdapter.Create(
            builder =>
            {
                builder.AddPprrDatabase();
                builder.AddConversation();
                builder.AddRouting();
            },
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(time);
                configureServices?.Invoke(services);
            },
            settings);
        adapter.User = Member;

        await using (var scope = adapter.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PprrDbContext>().Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        adapter.Services.GetRequiredService<PprrSnapshotStore>().Swap(SampleDataSet.LoadSnapshot(time.GetUtcNow()));
        _ = adapter.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmtpOptions>>().Value;
        return new RoutingBot(adapter, time);
    }

    /// <summary>A throw-away database on the server in PPRR_TEST_POSTGRES (the test is skipped without it); recorded in the marker file.</summary>
    public static async Task<string> NewPostgresDatabaseAsync()
    {
        var admin = Environment.GetEnvironmentVariable("PPRR_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip("PostgreSQL test skipped: set PPRR_TEST_POSTGRES to a server where the user may create databases, or run .ci/run, which starts one.");
        }

        var name = "pprr_routing_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await PostgresMarker.AppendAsync(TestContext.Current.Test?.TestDisplayName ?? name, TestContext.Current.CancellationToken);

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Runs the outbox worker once, as the pump would; returns how many notifications went out.</summary>
    public async Task<int> DeliverAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RoutingOutboxWorker>().RunOnceAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The member presses Send on a confirmation card (identified by <paramref name="cardId"/>) for the given officer.</summary>
    public async Task<Activity> SendQuestionAsync(string question, string officerRole, string cardId, string? code = "CFE34") =>
        Assert.Single(await SubmitQuestionAsync(question, officerRole, cardId, code));

    /// <summary>As <see cref="SendQuestionAsync"/>, returning whatever the recording connector saw in reply.</summary>
    /// <param name="serviceUrl">Where the member's Teams client is (the adapter's by default).</param>
    public async Task<IReadOnlyList<Activity>> SubmitQuestionAsync(string question, string officerRole, string cardId, string? code = "CFE34", string? serviceUrl = null)
    {
        Adapter.User = Member;
        Adapter.ConversationId = MemberConversationId;
        var data = new JsonObject { ["pprr"] = RoutingCards.SendVerb, [RoutingCards.QuestionInput] = question, [RoutingCards.OfficerInput] = officerRole };
        if (code is not null)
        {
            data["code"] = code;
        }

        var activity = Adapter.NewActivity("message");
        activity.ServiceUrl = serviceUrl ?? activity.ServiceUrl;
        activity.Value = System.Text.Json.JsonSerializer.SerializeToElement(data, ProtocolJsonContext.Default.JsonObject);
        activity.ReplyToId = cardId;
        return await Adapter.SendActivityAsync(activity);
    }

    /// <summary>Runs the reminder sweep once at the fake clock's time, as the routing clock would.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunOnceAsync(_time.GetUtcNow(), TestContext.Current.CancellationToken);
    }

    public async Task<RoutedQuestion?> QuestionAsync(string reference)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IRoutingStore>().FindByReferenceAsync(reference, TestContext.Current.CancellationToken);
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PprrDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The member asks, presses "Ask the officer" on the first measure card, writes the question and presses Send;
    /// returns the acknowledgement.
    /// </summary>
    public async Task<Activity> AskTheOfficerAsync(string measureQuestion, string question)
    {
        Adapter.User = Member;
        Adapter.ConversationId = MemberConversationId;
        var cards = await Adapter.SendAsync(measureQuestion);
        var askData = FindSubmit(cards.Select(c => c.Card()).OfType<JsonObject>(), RoutingCards.StartVerb)
            ?? throw new InvalidOperationException("No Ask the officer button on the answer.");
        var confirmation = Assert.Single(await Adapter.SubmitAsync(askData, cardActivityId: "answer-card"));
        var sendData = FindSubmit([confirmation.Card()!], RoutingCards.SendVerb)
            ?? throw new InvalidOperationException("No Send button on the confirmation card.");
        sendData[RoutingCards.QuestionInput] = question;
        sendData[RoutingCards.OfficerInput] ??= InputValue(confirmation.Card()!, RoutingCards.OfficerInput);
        return Assert.Single(await Adapter.SubmitAsync(sendData, cardActivityId: $"confirmation-{Guid.NewGuid():N}"));
    }

    /// <summary>The data of the first Action.Submit in the cards whose pprr verb is <paramref name="verb"/>, copied.</summary>
    public static JsonObject? FindSubmit(IEnumerable<JsonNode> cards, string verb)
    {
        foreach (var node in cards.SelectMany(Descendants))
        {
            if (node is JsonObject { } action && (string?)action["type"] == "Action.Submit" && action["data"] is JsonObject data && (string?)data["pprr"] == verb)
            {
                return (JsonObject)data.DeepClone();
            }
        }

        return null;
    }

    /// <summary>An input's initial value on a card (e.g. the proposed officer).</summary>
    public static string? InputValue(JsonNode card, string id) =>
        Descendants(card).OfType<JsonObject>().FirstOrDefault(o => (string?)o["id"] == id)?["value"]?.GetValue<string>();

    /// <summary>All the text a person would read on the card.</summary>
    public static string Text(JsonNode? card) =>
        card is null ? "" : string.Join(" ", Descendants(card).OfType<JsonObject>().SelectMany(o => new[] { o["text"], o["value"], o["title"] })
            .OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>());

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(kv => kv.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Adapter.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
