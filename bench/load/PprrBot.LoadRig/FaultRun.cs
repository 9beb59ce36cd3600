using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PprrBot.LoadRig;

/// <summary>
/// Teams misbehaving for a stretch: the connector answers 429 with Retry-After: 1 for 1.5 s, then, after a calm spell,
/// 503 for 1.5 s, while 10 connections keep asking. Afterwards every question is checked at the connector: answered
/// with its card, answered only with the bot's apology, or not at all; and no reply delivered twice.
/// </summary>
internal static class FaultRun
{
    public static async Task<IEnumerable<string>> ThrottleAndOutageAsync(Driver driver, StandInConnector connector, BotProcess bot)
    {
        const int Connections = 10;
        var asked = new ConcurrentBag<string>();
        var refusedByBot = 0;
        var n = 10_000_000;
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(8);
        var refusedBefore = connector.Refused;
        var doublesBefore = connector.Doubles;

        var faults = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            connector.Fault = ConnectorFault.Throttle;
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            connector.Fault = ConnectorFault.None;
            await Task.Delay(TimeSpan.FromSeconds(2));
            connector.Fault = ConnectorFault.Unavailable;
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            connector.Fault = ConnectorFault.None;
        });

        using var http = Driver.Client(Connections);
        var workers = Enumerable.Range(0, Connections).Select(async _ =>
        {
            while (clock.Elapsed < duration && asked.Count < 100_000)
            {
                var (status, _, activityId) = await driver.AskAsync(http, Interlocked.Increment(ref n), CancellationToken.None);
                if (status == HttpStatusCode.Accepted)
                {
                    asked.Add(activityId);
                }
                else
                {
                    Interlocked.Increment(ref refusedByBot);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        await faults;

        // Retries after a Retry-After can land after the driver moved on: give the last ones time to arrive (bounded).
        for (var wait = 0; wait < 100 && asked.Any(id => connector.RepliesTo(id) == 0); wait++)
        {
            await Task.Delay(100);
        }

        var withCard = asked.Count(connector.CardDeliveredTo);
        var apologyOnly = asked.Count(id => connector.RepliesTo(id) > 0 && !connector.CardDeliveredTo(id));
        var nothing = asked.Count(id => connector.RepliesTo(id) == 0);
        var doubles = connector.Doubles - doublesBefore;
        var lines = new List<string>
        {
            "## Fault run: 429 with Retry-After for 1.5 s, then 503 for 1.5 s, 10 connections",
            "",
            $"Questions accepted by the bot (202): {asked.Count}; refused by the bot: {refusedByBot}",
            $"Connector refusals sent (429 + 503): {connector.Refused - refusedBefore}",
            $"Answered with their card: {withCard}; only the bot's apology: {apologyOnly}; nothing at all: {nothing}",
            $"Replies delivered twice: {doubles}",
            $"Bot still running: {!bot.HasExited}",
        };
        if (doubles > 0 || bot.HasExited)
        {
            lines.Add("FAILED: a reply was delivered twice or the bot died.");
        }

        return lines;
    }
}
