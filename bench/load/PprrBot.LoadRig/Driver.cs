using System.Diagnostics;
using System.Globalization;
using System.Net;
using CsvHelper;

namespace PprrBot.LoadRig;

/// <summary>What one run at one concurrency measured.</summary>
internal sealed record PhaseResult(
    string Name, int Connections, int Sent, int Answered, int Errors, int Rejected503, double Seconds,
    double P50Ms, double P90Ms, double P99Ms, double CpuMsPerAnswer, double RigCpuMsPerAnswer, double PeakMemoryMb)
{
    public double AnsweredPerSecond => Answered / Seconds;
}

/// <summary>
/// POSTs member questions to the bot on N connections, each connection waiting for its question's reply to arrive at
/// the connector before asking the next (closed loop, so the queue never fills and the rate is what the bot sustains).
/// Questions go round the question sets, and conversations round a large pool so Teams' per-conversation limits
/// (enforced by the bot) do not dominate. Bounded by time and by count.
/// </summary>
internal sealed class Driver(string botUrl, StandInConnector connector, string runId)
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);

    private readonly string[] _questions = LoadQuestions();
    private int _next;

    /// <summary>
    /// Teams allows 60 messages per conversation in 30 seconds, and the bot keeps to it: 3,000 conversations allow 6,000
    /// answers a second over any 30 seconds. 2,000 allowed 4,000, which the warm-up and the phases after it now pass,
    /// so the 50-connection phase was being paced by Teams' limit rather than measuring the bot.
    /// </summary>
    public const int DefaultConversations = 3_000;

    public int Conversations { get; init; } = DefaultConversations;

    public string[] Questions => _questions;

    /// <summary>Sends one question and waits for its first reply at the connector; null when none came (or the bot refused).</summary>
    public async Task<(HttpStatusCode Status, double? Ms, string ActivityId)> AskAsync(HttpClient http, int n, CancellationToken cancellationToken)
    {
        var activityId = $"{runId}-{n}";
        var reply = connector.ReplyTo(activityId);
        var start = Stopwatch.GetTimestamp();
        var member = n % Conversations;
        using var content = RigActivity.Message(
            connector.ServiceUrl, activityId, $"a:load-{runId}-{member}", $"member-{member}", member, _questions[n % _questions.Length]);
        HttpStatusCode status;
        try
        {
            using var response = await http.PostAsync(botUrl + "/api/messages", content, cancellationToken);
            status = response.StatusCode;
        }
        catch (HttpRequestException)
        {
            connector.Forget(activityId);
            return (0, null, activityId);
        }

        if (status != HttpStatusCode.Accepted)
        {
            connector.Forget(activityId);
            return (status, null, activityId);
        }

        try
        {
            var arrived = await reply.WaitAsync(ReplyTimeout, cancellationToken);
            return (status, Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds, activityId);
        }
        catch (TimeoutException)
        {
            return (status, null, activityId);
        }
        finally
        {
            connector.Forget(activityId);
        }
    }

    public async Task<PhaseResult> RunAsync(string name, BotProcess bot, int connections, TimeSpan duration, int maxQuestions)
    {
        using var http = Client(connections);
        var latencies = new List<double>[connections];
        var errors = 0;
        var rejected = 0;
        var sent = 0;
        var cpuBefore = bot.CpuTime();
        var rigCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(duration + ReplyTimeout + TimeSpan.FromSeconds(10));
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            latencies[worker] = [];
            while (clock.Elapsed < duration && Interlocked.Increment(ref sent) <= maxQuestions)
            {
                var (status, ms, _) = await AskAsync(http, Interlocked.Increment(ref _next), stop.Token);
                if (ms is { } value)
                {
                    latencies[worker].Add(value);
                }
                else if (status == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref rejected);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = bot.CpuTime() - cpuBefore;
        var rigCpu = Process.GetCurrentProcess().TotalProcessorTime - rigCpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new PhaseResult(
            name, connections, Math.Min(sent, maxQuestions), all.Count, errors, rejected, seconds,
            Percentile(all, 0.50), Percentile(all, 0.90), Percentile(all, 0.99),
            all.Count == 0 ? 0 : cpu.TotalMilliseconds / all.Count, all.Count == 0 ? 0 : rigCpu.TotalMilliseconds / all.Count,
            bot.PeakMemoryMb());
    }

    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string[] LoadQuestions()
    {
        var questions = new List<string>();
        foreach (var file in new[] { "dev-questions.csv", "phrasing-questions.csv" })
        {
            using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Questions", file));
            using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                questions.Add(csv.GetField("question")!);
            }
        }

        return [.. questions];
    }
}
