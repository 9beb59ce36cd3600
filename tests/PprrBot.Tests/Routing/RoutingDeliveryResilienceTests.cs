using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Routing;

/// <summary>
/// Delivery that survives the real world: an officer Teams cannot reach (e-mail to a real SMTP server on
/// loopback), a throttled or failing connector, a process stopped between saving and sending.
/// </summary>
public sealed class RoutingDeliveryResilienceTests
{
    private static readonly DateTimeOffset Friday20November = new(2020, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private const string Question = "Why did persistent absence for pupils with SEN rise?";

    [Fact]
    public async Task OfficerTeamsCannotReachGetsTheQuestionByEmailWithALinkBackToTheBot()
    {
        await using var smtp = new SmtpSink();
        FailingConnector? connector = null;
        await using var bot = await RoutingBot.StartAsync(
            new FakeTimeProvider(Friday20November),
            configuration: new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:UseStartTls"] = "false",
                ["Smtp:From"] = "PprrBot <pprrbot@council.example>",
            },
            configureServices: services => connector = FailingConnector.Wrap(services));
        // The officer's 1:1 chat cannot be created: the app is not installed for them.
        connector!.CreateFailures.Enqueue(FailingConnector.Status(403, "Forbidden"));
        await bot.SendQuestionAsync(Question, RoutingBot.Performance, "confirmation-1");

        var delivered = await bot.DeliverAsync();

        Assert.Equal(2, delivered);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal(["gaynor.ward@stockport.gov.uk"], mail.To);
        using var data = new MemoryStream(System.Text.Encoding.Latin1.GetBytes(mail.Data));
        var message = await MimeMessage.LoadAsync(data, TestContext.Current.CancellationToken);
        Assert.Contains("PQ-0001", message.Subject, StringComparison.Ordinal);
        Assert.Contains(Question, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://teams.microsoft.com/l/chat/0/0?users=28:{BotTestAdapter.AppId}", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Sent, s => s.ConversationId.Contains(RoutingBot.PerformanceOfficerAad, StringComparison.Ordinal));
        var question = await bot.QuestionAsync("PQ-0001");
        Assert.Contains(question!.History, e => e.Kind == RoutedQuestionEventKind.EmailedToOfficer);
    }

    [Fact]
    public async Task ThrottledSendIsRetriedByTheConnectorAndTheOfficerGetsTheCardOnce()
    {
        // The real connector client over HTTP: the member's acknowledgement, the officer's chat created, then the
        // officer's card throttled (429, Retry-After 1 s) and accepted on the retry.
        await using var server = await LocalConnectorServer.StartAsync(Behaviour.Ok, Behaviour.Ok, Behaviour.Throttled(1), Behaviour.Ok);
        await using var bot = await RoutingBot.StartAsync(
            TimeProvider.System,
            configuration: new Dictionary<string, string?>
            {
                ["Routing:TeamsServiceUrl"] = server.ServiceUrl,
                ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
                ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.010",
            },
            configureServices: services =>
            {
                services.RemoveAll<IConnectorClient>();
                services.AddSingleton<IConnectorClient, ConnectorClient>();
            });
        await bot.SubmitQuestionAsync(Question, RoutingBot.Performance, "confirmation-1", serviceUrl: server.ServiceUrl);

        var delivered = await bot.DeliverAsync();
        var again = await bot.DeliverAsync();

        // The officer's card was posted twice (429, then accepted) and delivered once; the copy to Democratic Services once.
        var officerPosts = server.Received.Where(r => r.Method == "POST" && r.Body.Contains("Question PQ-0001 for you", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, officerPosts.Count);
        Assert.Equal(2, delivered);
        Assert.Contains(server.Received, r => r.Body.Contains("Question sent: PQ-0001", StringComparison.Ordinal));
        Assert.Equal(0, again);
        var officerRow = (await bot.OutboxAsync()).First(m => m.DedupeKey == "PQ-0001:officer-card:1");
        Assert.NotNull(officerRow.SentAt);
    }

    [Fact]
    public async Task ConnectorThatKeepsFailingDelaysTheCardButNeverDropsOrDoublesIt()
    {
        FailingConnector? connector = null;
        await using var bot = await RoutingBot.StartAsync(new FakeTimeProvider(Friday20November), configureServices: services => connector = FailingConnector.Wrap(services));
        await bot.SendQuestionAsync(Question, RoutingBot.Performance, "confirmation-1");
        // 503 three times: the officer card, the copy to Democratic Services, then the officer card again.
        for (var i = 0; i < 3; i++)
        {
            connector!.SendFailures.Enqueue(FailingConnector.Status(503, "ServiceUnavailable"));
        }

        var first = await bot.DeliverAsync();
        var tooSoon = await bot.DeliverAsync();
        bot.Time.Advance(TimeSpan.FromMinutes(1));
        var afterOneMinute = await bot.DeliverAsync();
        bot.Time.Advance(TimeSpan.FromMinutes(2));
        var afterThreeMinutes = await bot.DeliverAsync();
        bot.Time.Advance(TimeSpan.FromHours(1));
        var later = await bot.DeliverAsync();

        Assert.Equal((0, 0, 1, 1, 0), (first, tooSoon, afterOneMinute, afterThreeMinutes, later));
        Assert.Single(bot.Connector.Sent, s => s.ConversationId == $"a:personal-{RoutingBot.PerformanceOfficerAad}");
        Assert.Single(bot.Connector.Sent, s => s.ConversationId == $"a:personal-{RoutingBot.DemocraticServicesAad}");
        Assert.Single(bot.Connector.CreatedConversations, c => c.Members![0].Id == RoutingBot.PerformanceOfficerAad);
        var officerRow = (await bot.OutboxAsync()).Single(m => m.DedupeKey == "PQ-0001:officer-card:1");
        Assert.Equal(3, officerRow.Attempts);
    }

    [Fact]
    public async Task ProcessStoppedBetweenSavingAndSendingDeliversAfterRestartOnceOnly()
    {
        var file = RoutingBot.NewSqliteFile();
        var time = new FakeTimeProvider(Friday20November);
        string acknowledged;
        await using (var first = await RoutingBot.StartAsync(time, sqliteFile: file))
        {
            acknowledged = RoutingBot.Text((await first.SendQuestionAsync(Question, RoutingBot.Performance, "confirmation-1")).Card());

            // Stopped here: saved and acknowledged, nothing sent.
            Assert.DoesNotContain(first.Connector.Sent, s => s.Operation == "send");
        }

        await using var second = await RoutingBot.StartAsync(time, sqliteFile: file);
        var redelivered = RoutingBot.Text((await second.SendQuestionAsync(Question, RoutingBot.Performance, "confirmation-1")).Card());
        var delivered = await second.DeliverAsync();
        var again = await second.DeliverAsync();

        Assert.Contains("PQ-0001", acknowledged, StringComparison.Ordinal);
        Assert.Contains("PQ-0001", redelivered, StringComparison.Ordinal);
        Assert.Null(await second.QuestionAsync("PQ-0002"));
        Assert.Equal(2, delivered);
        Assert.Equal(0, again);
        Assert.Single(second.Connector.Sent, s => s.ConversationId == $"a:personal-{RoutingBot.PerformanceOfficerAad}");
    }
}
