using System.Globalization;
using PprrBot.LoadRig;

// The load harness (bench/load/run.sh builds and runs this): the bot in its own process, a stand-in connector and the
// driver here, everything on 127.0.0.1. Prints a Markdown summary; exits 1 when a check (not a target) fails.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// The rig's sockets complete on the socket engine's own threads instead of being handed to the thread pool: on two
// shared cores each hand-off is a wake-up and a context switch that the bot pays for too (docs/performance.md, "Load").
// Read at the first socket, so set before any; the bot does not inherit it (BotProcess).
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var options = Args.Parse(args);
var botDll = options.GetValueOrDefault("bot-dll") ?? throw new ArgumentException("--bot-dll is required");
var seconds = double.Parse(options.GetValueOrDefault("seconds") ?? "5", CultureInfo.InvariantCulture);
// --conversations 3000: members asking, one conversation each (Driver.DefaultConversations says why so many).
var conversations = options.GetValueOrDefault("conversations") is { } count ? int.Parse(count, CultureInfo.InvariantCulture) : Driver.DefaultConversations;
// --warm-up 10: seconds at 10 connections after the first contacts, before the measured phases (its own row).
var warmUp = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warm-up") ?? "10", CultureInfo.InvariantCulture));
var connectionsList = (options.GetValueOrDefault("connections") ?? "1,10,50").Split(',').Select(int.Parse).ToArray();
var runFaults = options.GetValueOrDefault("faults") != "false";
// --kill-run true: the SIGKILL fault run (its own bot, port + 1 and SQLite file) after the rest; off by default.
var killRun = options.GetValueOrDefault("kill-run") == "true";
var killSubmits = int.Parse(options.GetValueOrDefault("kill-submits") ?? "300", CultureInfo.InvariantCulture);
var port = int.Parse(options.GetValueOrDefault("port") ?? "39780", CultureInfo.InvariantCulture);
// --bot-env "Key=Value;Key=Value": extra settings for the bot, to try a change without rebuilding.
var botEnv = Settings(options.GetValueOrDefault("bot-env"));
var workDir = Directory.CreateTempSubdirectory("pprrbot-load-");

await using var connector = await StandInConnector.StartAsync();

// --start-only N: only start to first answer, N times, each bot on a fresh empty database; no load or fault runs.
// --restart true: after each, once the bot says it is ready (/healthz 200), stop it and start again on the same file.
if (options.GetValueOrDefault("start-only") is { } startOnly)
{
    var starts = int.Parse(startOnly, CultureInfo.InvariantCulture);
    var restart = options.GetValueOrDefault("restart") == "true";
    Console.WriteLine($"Start to first answer, {starts} starts{(restart ? ", each then restarted on its database" : "")}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start; {DateTime.UtcNow:u}");
    for (var run = 1; run <= starts; run++)
    {
        var database = Path.Combine(workDir.FullName, $"start-{run}.db");
        using (var fresh = BotProcess.Start(botDll, port, database, botEnv))
        {
            var (line, answered) = await Measurement.FirstAnswerAsync(new Driver(fresh.Url, connector, $"s{run}-{Environment.ProcessId}"), connector, fresh);
            Console.WriteLine(line);
            if (!answered || (restart && !await ReadyAsync(fresh)))
            {
                return 1;
            }
        }

        if (restart)
        {
            using var again = BotProcess.Start(botDll, port, database, botEnv);
            var (line, answered) = await Measurement.FirstAnswerAsync(new Driver(again.Url, connector, $"r{run}-{Environment.ProcessId}"), connector, again);
            Console.WriteLine(line.Replace("Start to first answer", "Restart to first answer", StringComparison.Ordinal));
            if (!answered)
            {
                return 1;
            }
        }
    }

    workDir.Delete(recursive: true);
    return 0;
}

// --compare-dll other/pprrbot.dll [--compare-label name] [--compare-env "Key=Value;..."] [--rounds 4]: this build
// against another (or the same one with other settings), in alternating rounds (bench/load/run.sh --compare <git
// revision> publishes the other); no fault runs.
if (options.GetValueOrDefault("compare-dll") is { } compareDll)
{
    var compareEnv = botEnv.Concat(Settings(options.GetValueOrDefault("compare-env"))).ToList();
    var compareLabel = (options.GetValueOrDefault("compare-label") ?? compareDll) + (options.GetValueOrDefault("compare-env") is { } extra ? $" with {extra}" : "");
    var lines = await Comparison.RunAsync(
        ("this build", botDll, botEnv), (compareLabel, compareDll, compareEnv),
        int.Parse(options.GetValueOrDefault("rounds") ?? "4", CultureInfo.InvariantCulture), connectionsList, TimeSpan.FromSeconds(seconds),
        conversations, port, workDir.FullName, connector, warmUp);
    Console.WriteLine(string.Join('\n', lines));
    var compared = !lines.Any(line => line.StartsWith("FAILED", StringComparison.Ordinal));
    if (compared)
    {
        workDir.Delete(recursive: true);
    }

    return compared ? 0 : 1;
}

using var bot = BotProcess.Start(botDll, port, Path.Combine(workDir.FullName, "load.db"), botEnv);
var driver = new Driver(bot.Url, connector, "q" + Environment.ProcessId)
{
    Conversations = conversations,
};
var failed = false;
var report = new List<string> { "", "## Load run", "", $"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start; {DateTime.UtcNow:u}", "" };

var (firstLine, firstAnswered) = await Measurement.FirstAnswerAsync(driver, connector, bot);
report.Add(firstLine);
failed |= !firstAnswered;

if (failed)
{
    Console.WriteLine(string.Join('\n', report));
    return 1;
}

var (firstContact, warmUpPhase, phases) = await Measurement.RunAsync(driver, bot, connectionsList, TimeSpan.FromSeconds(seconds), warmUp, r => Console.Error.WriteLine(Row(r, "")));
report.Add("");
report.Add("| Connections | Sent | Answered | Answered/s | p50 ms | p90 ms | p99 ms | Errors | 503 | Bot CPU ms/answer | Rig CPU ms/answer | Bot peak RSS MB |");
report.Add("|---|---|---|---|---|---|---|---|---|---|---|---|");
report.Add(Row(firstContact, " (first message in each conversation, warm-up)"));
if (warmUpPhase is not null)
{
    report.Add(Row(warmUpPhase, " (warm-up: the runtime still optimising the busiest code)"));
}

report.AddRange(phases.Select(r => Row(r, "")));

if (runFaults)
{
    report.Add("");
    report.AddRange(await FaultRun.ThrottleAndOutageAsync(driver, connector, bot));
    failed |= report.Any(line => line.StartsWith("FAILED", StringComparison.Ordinal));
}

if (killRun)
{
    report.Add("");
    report.AddRange(await KillRun.RunAsync(botDll, port + 1, Path.Combine(workDir.FullName, "kill.db"), connector, Math.Clamp(killSubmits, 20, 5_000)));
    failed |= report.Any(line => line.StartsWith("FAILED", StringComparison.Ordinal));
}

report.Add("");
var (anonymousMb, filesMb) = bot.MemoryBreakdownMb();
report.Add($"Bot peak RSS over the whole run: {bot.PeakMemoryMb():N0} MB; RSS now {bot.MemoryMb():N0} MB ({anonymousMb:N0} MB anonymous, {filesMb:N0} MB mapped files)");
Console.WriteLine(string.Join('\n', report));

if (failed)
{
    // Kept for a look at the database (outbox errors, questions) after a failed check.
    Console.Error.WriteLine($"Working files kept in {workDir.FullName}");
}
else
{
    workDir.Delete(recursive: true);
}

return failed ? 1 : 0;

// The data start-up runs in the background after the first answer; a restart measured before it ends would find half a database.
static async Task<bool> ReadyAsync(BotProcess bot)
{
    using var http = Driver.Client(1);
    for (var attempt = 0; attempt < 600 && !bot.HasExited; attempt++)
    {
        using var response = await http.GetAsync(new Uri(bot.Url + "/healthz"));
        if (response.IsSuccessStatusCode)
        {
            return true;
        }

        await Task.Delay(100);
    }

    Console.WriteLine("Ready (/healthz 200): NONE within the limit");
    return false;
}

static List<KeyValuePair<string, string>> Settings(string? pairs) =>
    (pairs ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv.Length > 1 ? kv[1] : "")).ToList();

static string Row(PhaseResult r, string note) =>
    $"| {r.Connections}{note} | {r.Sent} | {r.Answered} | {r.AnsweredPerSecond:N0} | {r.P50Ms:N2} | {r.P90Ms:N2} | {r.P99Ms:N2} | {r.Errors} | {r.Rejected503} | {r.CpuMsPerAnswer:N3} | {r.RigCpuMsPerAnswer:N3} | {r.PeakMemoryMb:N0} |";

/// <summary>`--name value` pairs.</summary>
internal static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }

        return result;
    }
}
