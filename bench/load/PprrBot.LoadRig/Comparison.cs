using System.Globalization;

namespace PprrBot.LoadRig;

/// <summary>
/// Two builds of the bot measured in alternating rounds (A B, then B A, and so on), each round a fresh bot with its
/// first contacts and the same phases, then the median of each phase per build. On a shared machine one run moves by
/// 10 to 15% from the next, so a change is only shown by rounds taken turn about, never by one run of each.
/// </summary>
internal static class Comparison
{
    public static async Task<IReadOnlyList<string>> RunAsync(
        (string Label, string Dll, IReadOnlyList<KeyValuePair<string, string>> Env) a,
        (string Label, string Dll, IReadOnlyList<KeyValuePair<string, string>> Env) b,
        int rounds,
        int[] connectionsList,
        TimeSpan phase,
        int conversations,
        int port,
        string workDir,
        StandInConnector connector,
        TimeSpan warmUp)
    {
        var results = new Dictionary<string, List<PhaseResult>>(StringComparer.Ordinal) { [a.Label] = [], [b.Label] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (label, dll, env) in round % 2 == 1 ? new[] { a, b } : [b, a])
            {
                using var bot = BotProcess.Start(dll, port, Path.Combine(workDir, $"compare-{round}-{results[label].Count}.db"), env);
                var driver = new Driver(bot.Url, connector, $"c{round}{label.GetHashCode(StringComparison.Ordinal):x}-{Environment.ProcessId}")
                {
                    Conversations = conversations,
                };
                var (_, answered) = await Measurement.FirstAnswerAsync(driver, connector, bot);
                if (!answered)
                {
                    return [$"FAILED: {label} gave no first answer in round {round}"];
                }

                var (_, _, phases) = await Measurement.RunAsync(driver, bot, connectionsList, phase, warmUp);
                results[label].AddRange(phases);
                Console.Error.WriteLine($"round {round}, {label}: " + string.Join("; ", phases.Select(p => $"{p.Connections} connections {p.AnsweredPerSecond:N0}/s")));
            }
        }

        var lines = new List<string>
        {
            "",
            $"## Comparison: {rounds} alternating rounds, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; {DateTime.UtcNow:u}",
            "",
            "| Connections | Build | Answered/s, each round | Median answered/s | Median p99 ms | Median bot CPU ms/answer | Median rig CPU ms/answer | Highest bot peak RSS MB |",
            "|---|---|---|---|---|---|---|---|",
        };
        foreach (var connections in connectionsList)
        {
            foreach (var label in new[] { a.Label, b.Label })
            {
                var runs = results[label].Where(r => r.Connections == connections).ToList();
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {connections} | {label} | {string.Join(", ", runs.Select(r => r.AnsweredPerSecond.ToString("N0", CultureInfo.InvariantCulture)))} | {Median(runs, r => r.AnsweredPerSecond):N0} | {Median(runs, r => r.P99Ms):N2} | {Median(runs, r => r.CpuMsPerAnswer):N3} | {Median(runs, r => r.RigCpuMsPerAnswer):N3} | {runs.Max(r => r.PeakMemoryMb):N0} |"));
            }
        }

        return lines;
    }

    private static double Median(List<PhaseResult> runs, Func<PhaseResult, double> value)
    {
        var sorted = runs.Select(value).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
