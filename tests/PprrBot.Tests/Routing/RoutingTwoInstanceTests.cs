using Microsoft.Extensions.Time.Testing;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Routing;

/// <summary>Two bot instances on one PostgreSQL database share the outbox (runs only with PPRR_TEST_POSTGRES).</summary>
public sealed class RoutingTwoInstanceTests
{
    private static readonly DateTimeOffset Friday20November = new(2020, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwoInstancesDrainingOneOutboxSendEachNotificationExactlyOnce()
    {
        var database = await RoutingBot.NewPostgresDatabaseAsync();
        var time = new FakeTimeProvider(Friday20November);
        await using var first = await RoutingBot.StartAsync(time, postgres: database);
        await using var second = await RoutingBot.StartAsync(time, postgres: database);
        const int questions = 25;
        for (var i = 1; i <= questions; i++)
        {
            await first.SendQuestionAsync($"Question number {i} about persistent absence", i % 2 == 0 ? RoutingBot.Performance : RoutingBot.ChildrenFinance, $"confirmation-{i}");
        }

        // Each worker has its own instance id, as two processes would; both drain until nothing is left.
        await Task.WhenAll(DrainAsync(first), DrainAsync(second));

        var sent = first.Connector.Sent.Concat(second.Connector.Sent)
            .Where(s => s.Operation == "send")
            .Select(s => RoutingBot.Text(s.Activity.Card()))
            .Where(text => text.Contains("Question PQ-", StringComparison.Ordinal) || text.Contains("Copy: question PQ-", StringComparison.Ordinal))
            .Select(text => text[..text.IndexOf(' ', text.IndexOf("PQ-", StringComparison.Ordinal))])
            .ToList();
        Assert.Equal(questions * 2, sent.Count);
        Assert.Equal(sent.Count, sent.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(first.Connector.Sent, s => s.Operation == "send");
        Assert.Contains(second.Connector.Sent, s => s.Operation == "send");
        Assert.All(await first.OutboxAsync(), m => Assert.NotNull(m.SentAt));
    }

    private static async Task DrainAsync(RoutingBot bot)
    {
        await Task.Yield();
        var idle = 0;
        while (idle < 3)
        {
            idle = await bot.DeliverAsync() == 0 ? idle + 1 : 0;
        }
    }
}
