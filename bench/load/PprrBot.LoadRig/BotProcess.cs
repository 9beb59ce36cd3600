using System.Diagnostics;
using System.Globalization;

namespace PprrBot.LoadRig;

/// <summary>The bot, built in Release, run as its own process in local-development mode on loopback; its memory and CPU read from /proc.</summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;

    private BotProcess(Process process, string url, long started)
    {
        _process = process;
        Url = url;
        Started = started;
    }

    public string Url { get; }

    /// <summary>Stopwatch timestamp just before the process was started.</summary>
    public long Started { get; }

    public int Id => _process.Id;

    public static BotProcess Start(string dll, int port, string databasePath, IEnumerable<KeyValuePair<string, string>> extraSettings)
    {
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        // The rig's own socket setting (Program.cs), not the bot's: the bot runs as deployed.
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
        start.Environment["Urls"] = url;
        start.Environment["Bot__AllowUnauthenticatedLocalRequests"] = "true";
        start.Environment["Bot__AppSendLimitPerSecond"] = "1000000";
        start.Environment["Data__SqlitePath"] = databasePath;
        foreach (var (key, value) in extraSettings)
        {
            start.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bot did not start.");
        // Drain its output so a full pipe never stalls it; the harness reads figures, not logs.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine("bot: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, url, started);
    }

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakMemoryMb() => StatusKb("VmHWM:") / 1024.0;

    public double MemoryMb() => StatusKb("VmRSS:") / 1024.0;

    /// <summary>What the resident memory is now: anonymous (the GC heap, the JIT's code and data, native allocations) and mapped files (the runtime, the assemblies).</summary>
    public (double AnonymousMb, double FilesMb) MemoryBreakdownMb() => (StatusKb("RssAnon:") / 1024.0, StatusKb("RssFile:") / 1024.0);

    /// <summary>User + system CPU time used so far.</summary>
    public TimeSpan CpuTime()
    {
        // /proc/PID/stat: fields 14 and 15 (utime, stime) in clock ticks, after the parenthesised command name.
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private long StatusKb(string key)
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
