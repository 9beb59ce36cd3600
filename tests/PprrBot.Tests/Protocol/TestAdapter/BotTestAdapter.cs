using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PprrBot.Conversation;
using PprrBot.Data.Conversations;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Tests.Protocol.TestAdapter;

/// <summary>
/// Drives the real turn pipeline in-process, as Teams would, and returns what the bot sent back.
/// <code>
/// await using var bot = BotTestAdapter.Create();
/// var replies = await bot.SendAsync("what is red?");
/// Assert.Contains("Red", replies.Single().Text);
/// </code>
/// Features are registered the same way Program.cs does (default: the Conversation feature); pass your own
/// registrations to test a feature, and configureServices to swap in fakes.
/// </summary>
internal sealed class BotTestAdapter : IAsyncDisposable
{
    public const string AppId = "9a1f6c2e-4b7d-4e0a-8f1c-2d3e4f5a6b7c";
    public const string TenantId = "5b0e7e3a-1c2d-4f5e-9a8b-7c6d5e4f3a2b";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly ServiceProvider _services;
    private int _nextActivityId;

    private BotTestAdapter(ServiceProvider services, RecordingConnector connector)
    {
        _services = services;
        Connector = connector;
    }

    /// <summary>The bot's account in the conversation (28:app id).</summary>
    public ChannelAccount Bot { get; } = new() { Id = "28:" + AppId, Name = "PprrBot" };

    /// <summary>The member talking to the bot; change it before sending to speak as someone else.</summary>
    public ChannelAccount User { get; set; } = new()
    {
        Id = "29:member-1", Name = "Councillor Test", AadObjectId = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    };

    public string ConversationId { get; set; } = "a:personal-member-1";

    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string ConversationType { get; set; } = "personal";

    public RecordingConnector Connector { get; }

    /// <summary>Everything the bot has sent so far, in order, replies and proactive messages alike.</summary>
    public IReadOnlyList<SentActivity> Sent => Connector.Sent;

    public IServiceProvider Services => _services;

    public IConversationReferenceStore References => _services.GetRequiredService<IConversationReferenceStore>();

    public static BotTestAdapter Create(
        Action<IHostApplicationBuilder>? addFeatures = null,
        Action<IServiceCollection>? configureServices = null,
        IDictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:TenantId"] = TenantId,
            ["Bot:AppPassword"] = "not-a-real-secret",
        });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddLogging();
        builder.AddProtocol();
        // Features answer from the read model: unless a test brings its own, they see the sample data.
        builder.Services.AddSingleton(_ =>
        {
            var store = new PprrSnapshotStore();
            store.Swap(SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch));
            return store;
        });
        (addFeatures ?? (b => b.AddConversation())).Invoke(builder);

        var connector = new RecordingConnector();
        builder.Services.RemoveAll<IConnectorClient>();
        builder.Services.AddSingleton<IConnectorClient>(connector);
        configureServices?.Invoke(builder.Services);
        return new BotTestAdapter(builder.Services.BuildServiceProvider(validateScopes: true), connector);
    }

    /// <summary>The member types a message; returns what the bot sent in answer.</summary>
    public Task<IReadOnlyList<Activity>> SendAsync(string text, params Entity[] entities)
    {
        var activity = NewActivity("message");
        activity.Text = text;
        activity.Entities = entities.Length > 0 ? [.. entities] : null;
        return SendActivityAsync(activity);
    }

    /// <summary>The member @mentions the bot in a group chat or channel: "&lt;at&gt;PprrBot&lt;/at&gt; text".</summary>
    public Task<IReadOnlyList<Activity>> SendWithMentionAsync(string text)
    {
        var mention = $"<at>{Bot.Name}</at>";
        return SendAsync($"{mention} {text}", new Entity { Type = "mention", Mentioned = Bot, Text = mention });
    }

    /// <summary>The member presses an Action.Submit button: a message with the card's data as value.</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JsonObject data, string? cardActivityId = null)
    {
        var activity = NewActivity("message");
        activity.Value = JsonSerializer.SerializeToElement(data, ProtocolJsonContext.Default.JsonObject);
        activity.ReplyToId = cardActivityId;
        return SendActivityAsync(activity);
    }

    /// <summary>The member presses an Action.Execute button; returns the invoke response (status and body).</summary>
    public Task<InvokeResponse> ExecuteAsync(string verb, JsonObject? data = null, string? cardActivityId = null)
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        return InvokeAsync("adaptiveCard/action", value, cardActivityId);
    }

    /// <summary>Any invoke, by name.</summary>
    public async Task<InvokeResponse> InvokeAsync(string name, JsonObject? value, string? replyToId = null)
    {
        var activity = NewActivity("invoke");
        activity.Name = name;
        activity.Value = value is null ? null : JsonSerializer.SerializeToElement(value, ProtocolJsonContext.Default.JsonObject);
        activity.ReplyToId = replyToId;
        return await InvokeActivityAsync(activity);
    }

    /// <summary>Sends a prepared invoke through the same path as the endpoint (each activity id runs once).</summary>
    public Task<InvokeResponse> InvokeActivityAsync(Activity invoke) =>
        _services.GetRequiredService<InvokeRunner>().InvokeOnceAsync(invoke).WaitAsync(TestContext.Current.CancellationToken);

    /// <summary>The member installs the app (installationUpdate add).</summary>
    public Task<IReadOnlyList<Activity>> InstallAsync()
    {
        var activity = NewActivity("installationUpdate");
        activity.Action = "add";
        return SendActivityAsync(activity);
    }

    /// <summary>The member uninstalls the app (installationUpdate remove).</summary>
    public Task<IReadOnlyList<Activity>> UninstallAsync()
    {
        var activity = NewActivity("installationUpdate");
        activity.Action = "remove";
        return SendActivityAsync(activity);
    }

    /// <summary>Sends a prepared activity through the same path as the endpoint (redelivery filter, then the turn).</summary>
    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity)
    {
        var before = Connector.Sent.Count;
        await using var scope = _services.CreateAsyncScope();
        var turns = scope.ServiceProvider.GetRequiredService<TurnHandler>();
        if (activity.Type == "invoke")
        {
            throw new ArgumentException("Use InvokeAsync or ExecuteAsync for invokes: they answer inline.", nameof(activity));
        }

        if (!_services.GetRequiredService<RedeliveryFilter>().IsRedelivery(activity))
        {
            await turns.HandleAsync(activity, TestContext.Current.CancellationToken);
        }

        return [.. Connector.Sent.Skip(before).Select(s => s.Activity)];
    }

    /// <summary>A new activity from <see cref="User"/> to the bot in the current conversation, with a fresh id.</summary>
    public Activity NewActivity(string type) => new()
    {
        Type = type,
        Id = $"act-{Interlocked.Increment(ref _nextActivityId)}",
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = User,
        Recipient = Bot,
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId },
        ChannelData = JsonSerializer.SerializeToElement(
            new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } }, ProtocolJsonContext.Default.JsonObject),
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Reading what the bot sent.</summary>
internal static class SentActivityReading
{
    /// <summary>The Adaptive Card in an activity, or null when it carries none.</summary>
    public static JsonObject? Card(this Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == OutboundActivities.AdaptiveCardType)?.Content?.ToNode() as JsonObject;

    /// <summary>The texts of the plain-text replies.</summary>
    public static IReadOnlyList<string> Texts(this IEnumerable<Activity> activities) =>
        [.. activities.Where(a => a.Text is not null).Select(a => a.Text!)];

    /// <summary>The body of an invoke response as JSON (adaptiveCard/action: statusCode, type, value).</summary>
    public static JsonObject? BodyObject(this InvokeResponse response) => response.Body as JsonObject;
}
