using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using PprrBot.Data;

namespace PprrBot.Cli;

/// <summary>Exit codes every command uses.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The input was understood but is wrong (for example an import file with bad rows).</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong: unknown option, missing file, unsupported file type.</summary>
    public const int Usage = 2;
}

/// <summary>
/// The command line: the same binary as the service. Each command is one file in this folder with a
/// static Create(); add it to <see cref="Build"/> and to <see cref="Commands"/>.
/// </summary>
internal static class PprrCommandLine
{
    private static readonly string[] Commands = ["import", "ask", "pack", "package", "--help", "-h", "-?", "--version"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <param name="configureHost">Extra host set-up for commands that need services (tests point them at their own database).</param>
    public static RootCommand Build(Action<HostApplicationBuilder>? configureHost = null) =>
        new("PprrBot: a Teams bot for scrutiny committees' Portfolio Performance and Resource Reports.")
        {
            ImportCommand.Create(configureHost),
            AskCommand.Create(configureHost),
            PackCommand.Create(configureHost),
            PackageCommand.Create(),
        };

    public static async Task<int> RunAsync(
        string[] args, TextWriter? output = null, TextWriter? error = null, Action<HostApplicationBuilder>? configureHost = null, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        // No response files: "@PprrBot what is ..." is a question as members type it, not a file of arguments.
        var parsed = Build(configureHost).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await configuration.Error.WriteLineAsync(parseError.Message);
            }

            await configuration.Error.WriteLineAsync("Run `pprrbot --help` for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}

/// <summary>The host a command runs its services in.</summary>
internal static class CliHost
{
    /// <summary>
    /// A host whose logs go to standard error and only from warnings up, so a command's output (the answer,
    /// <c>ask --json</c>) is only what the command prints.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(Action<HostApplicationBuilder>? configureHost)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        configureHost?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// Starts the host and waits for the data start-up, which the service runs in the background (ADR-011): migrated,
    /// sample loaded into an empty database, snapshot loaded. Throws what the start-up threw.
    /// </summary>
    public static async Task StartWithDataAsync(IHost host, CancellationToken cancellationToken)
    {
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(cancellationToken);
    }
}
