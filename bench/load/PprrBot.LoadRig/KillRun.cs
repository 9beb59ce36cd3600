using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace PprrBot.LoadRig;

/// <summary>
/// The bot killed with SIGKILL in the middle of a burst of routed questions ("Send" pressed on the confirmation card),
/// then restarted on the same SQLite file. Submits that had no 202 are sent again (Teams redelivers them), and so is a
/// sample of accepted ones (a redelivery must not make a second question). Afterwards, from the database and the
/// connector: every accepted submit has exactly one question, none twice, and every officer card and Democratic
/// Services copy arrived (doubles counted: delivery is at least once). Its own bot, port and file; bounded in time.
/// </summary>
internal static partial class KillRun
{
    private const string OfficerRole = "Strategy and Performance Manager";
    private const string OfficerId = "officer-kill-run";
    private const string DemocraticServicesId = "ds-kill-run";
    private const int Connections = 10;
    // The killed process held leases on up to a batch of outbox rows: they free after RoutingOutboxWorker.Lease (2 min).
    // Every officer card goes to the one officer's chat, which Teams' limit (60 in 30 s) paces at two a second.
    private static TimeSpan DrainLimit(int submits) => TimeSpan.FromSeconds(120 + (submits / 2.0) + 60);

    public static async Task<IEnumerable<string>> RunAsync(string botDll, int port, string databasePath, StandInConnector connector, int submits)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Routing__TeamsServiceUrl"] = connector.ServiceUrl,
            ["Routing__Officers__0__Role"] = OfficerRole,
            ["Routing__Officers__0__AadObjectId"] = OfficerId,
            ["Routing__DemocraticServices__0"] = DemocraticServicesId,
        };
        var runId = "k" + Environment.ProcessId;
        var accepted = new ConcurrentDictionary<int, bool>();
        var acceptedBeforeKill = 0;
        var killAt = submits / 2;
        using var http = Driver.Client(Connections);
        var clock = Stopwatch.StartNew();

        // Burst 1: until about half are accepted, then SIGKILL with requests in flight.
        var bot = BotProcess.Start(botDll, port, databasePath, settings);
        string killedWith;
        try
        {
            await WaitReadyAsync(http, bot, connector, runId, 0);
            accepted[0] = true;
            var next = -1;
            var killed = 0;
            var workers = Enumerable.Range(0, Connections).Select(async _ =>
            {
                int n;
                while (Volatile.Read(ref killed) == 0 && (n = Interlocked.Increment(ref next)) < submits)
                {
                    if (await SendAsync(http, bot.Url, connector, runId, n) == HttpStatusCode.Accepted)
                    {
                        accepted[n] = true;
                        if (accepted.Count >= killAt && Interlocked.Exchange(ref killed, 1) == 0)
                        {
                            bot.Kill();
                        }
                    }
                }
            }).ToArray();
            await Task.WhenAll(workers);
            acceptedBeforeKill = accepted.Count;
            killedWith = $"killed after {acceptedBeforeKill} of {submits} submits had a 202 ({clock.Elapsed.TotalSeconds:N1} s into the burst)";
        }
        finally
        {
            bot.Dispose();
        }

        // Restart on the same file; Teams redelivers what had no 202, and some of what had.
        bot = BotProcess.Start(botDll, port, databasePath, settings);
        try
        {
            var restart = Stopwatch.StartNew();
            var missing = Enumerable.Range(0, submits).Where(n => !accepted.ContainsKey(n)).ToList();
            var first = missing.Count > 0 ? missing[0] : 0;
            await WaitReadyAsync(http, bot, connector, runId, first);
            accepted[first] = true;
            var restartSeconds = restart.Elapsed.TotalSeconds;
            var redelivered = accepted.Keys.Order().Where((_, i) => i % 5 == 0).Take(50).ToList();
            var refusedAfter = 0;
            var queue = new ConcurrentQueue<int>(missing.Where(n => n != first).Concat(redelivered));
            var resent = queue.Count + (missing.Count > 0 ? 1 : 0);
            var workers = Enumerable.Range(0, Connections).Select(async _ =>
            {
                while (queue.TryDequeue(out var n))
                {
                    if (await SendAsync(http, bot.Url, connector, runId, n) == HttpStatusCode.Accepted)
                    {
                        accepted[n] = true;
                    }
                    else
                    {
                        Interlocked.Increment(ref refusedAfter);
                    }
                }
            }).ToArray();
            await Task.WhenAll(workers);

            var drain = Stopwatch.StartNew();
            var unsent = await UnsentOutboxAsync(databasePath);
            while (unsent > 0 && drain.Elapsed < DrainLimit(submits))
            {
                await Task.Delay(200);
                unsent = await UnsentOutboxAsync(databasePath);
            }

            // The member's acknowledgement is the reply to the submit; give the last ones a moment (bounded).
            for (var wait = 0; wait < 50 && accepted.Keys.Any(n => connector.RepliesTo(ActivityId(runId, n)) == 0); wait++)
            {
                await Task.Delay(100);
            }

            return await CheckAsync(databasePath, connector, runId, submits, accepted.Keys.ToList(), resent, redelivered.Count, refusedAfter, unsent,
                killedWith, restartSeconds, drain.Elapsed.TotalSeconds, bot);
        }
        finally
        {
            bot.Dispose();
        }
    }

    private static async Task<List<string>> CheckAsync(
        string databasePath, StandInConnector connector, string runId, int submits, List<int> accepted, int resent, int redelivered, int refusedAfter,
        long unsent, string killedWith, double restartSeconds, double drainSeconds, BotProcess bot)
    {
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var references = new List<string>();
        await using (var db = Open(databasePath))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT SourceKey, Reference FROM RoutedQuestions WHERE SourceKey LIKE $prefix";
            command.Parameters.AddWithValue("$prefix", $"a:kill-{runId}-%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var key = reader.GetString(0);
                keys[key] = keys.GetValueOrDefault(key) + 1;
                references.Add(reader.GetString(1));
            }
        }

        var withQuestion = accepted.Count(n => keys.GetValueOrDefault(SourceKey(runId, n)) == 1);
        var withoutQuestion = accepted.Count(n => !keys.ContainsKey(SourceKey(runId, n)));
        var twice = keys.Values.Count(c => c > 1);
        var strays = keys.Keys.Count(k => !accepted.Any(n => SourceKey(runId, n) == k));
        var officer = Deliveries(connector.SentInto(StandInConnector.PersonalConversationId(OfficerId)), references);
        var ds = Deliveries(connector.SentInto(StandInConnector.PersonalConversationId(DemocraticServicesId)), references);
        var acked = accepted.Count(n => connector.RepliesTo(ActivityId(runId, n)) > 0);
        var lines = new List<string>
        {
            $"## Fault run: SIGKILL in the middle of a burst of {submits} routed questions, {Connections} connections, then restart on the same SQLite file",
            "",
            $"Burst: {killedWith}; restart to first 202: {restartSeconds:N2} s",
            $"After the restart: {resent} submits sent again ({redelivered} of them already accepted before the kill); refused after the restart: {refusedAfter}",
            $"Submits accepted (202, before or after the kill): {accepted.Count} of {submits}",
            $"Routed questions in the database for them: exactly one {withQuestion}; none {withoutQuestion}; two or more (same SourceKey) {twice}; questions for submits never accepted {strays}",
            $"Outbox: unsent after the drain {unsent} (drain waited {drainSeconds:N1} s, limit {DrainLimit(submits).TotalSeconds:N0} s)",
            $"Officer cards (by the question reference in the card): arrived {officer.Arrived} of {references.Count}; missing {officer.Missing}; arrived twice or more {officer.Doubled}",
            $"Democratic Services copies: arrived {ds.Arrived} of {references.Count}; missing {ds.Missing}; arrived twice or more {ds.Doubled}",
            $"Member acknowledgements (reply to the submit) for accepted submits: {acked} of {accepted.Count}",
            $"Bot still running after the checks: {!bot.HasExited}",
        };
        if (withoutQuestion > 0 || twice > 0 || strays > 0 || unsent > 0 || officer.Missing > 0 || ds.Missing > 0 || bot.HasExited)
        {
            lines.Add("FAILED: a question was lost or made twice, or a notification was not delivered.");
        }

        return lines;
    }

    /// <summary>For each question reference, how many of the bodies name it (a card can name it several times: one body counts once).</summary>
    private static (int Arrived, int Missing, int Doubled) Deliveries(IReadOnlyCollection<string> bodies, List<string> references)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            foreach (var reference in ReferencePattern().Matches(body).Select(m => m.Value).Distinct(StringComparer.Ordinal))
            {
                counts[reference] = counts.GetValueOrDefault(reference) + 1;
            }
        }

        return (references.Count(r => counts.GetValueOrDefault(r) > 0), references.Count(r => counts.GetValueOrDefault(r) == 0),
            references.Count(r => counts.GetValueOrDefault(r) > 1));
    }

    /// <summary>Waits (bounded) until the bot takes connections and accepts the given submit.</summary>
    private static async Task WaitReadyAsync(HttpClient http, BotProcess bot, StandInConnector connector, string runId, int n)
    {
        for (var attempt = 0; attempt < 600 && !bot.HasExited; attempt++)
        {
            if (await SendAsync(http, bot.Url, connector, runId, n) == HttpStatusCode.Accepted)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("The bot did not accept a submit within 30 s of starting.");
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, string botUrl, StandInConnector connector, string runId, int n)
    {
        // "Send" pressed on the confirmation card (Action.Submit): empty text, the card's inputs in value, replyToId the card.
        using var content = RigActivity.Message(
            connector.ServiceUrl, ActivityId(runId, n), Conversation(runId, n), $"member-kill-{n}", n, "", replyToId: $"card-{n}",
            value: [("pprr", "route.send"), ("question", $"Kill-run question {n}: why is the measure off target this quarter?"), ("officerRole", OfficerRole)]);
        try
        {
            using var response = await http.PostAsync(botUrl + "/api/messages", content);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    private static string Conversation(string runId, int n) => $"a:kill-{runId}-{n}";

    private static string ActivityId(string runId, int n) => $"{runId}-submit-{n}";

    private static string SourceKey(string runId, int n) => $"{Conversation(runId, n)}:card-{n}";

    private static async Task<long> UnsentOutboxAsync(string databasePath)
    {
        await using var db = Open(databasePath);
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static SqliteConnection Open(string databasePath) =>
        new(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());

    [GeneratedRegex(@"PQ-\d{4,}")]
    private static partial Regex ReferencePattern();
}
