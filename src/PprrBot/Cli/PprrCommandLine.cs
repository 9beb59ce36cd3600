using System.CommandLine;

namespace PprrBot.Cli;

/// <summary>The command line: the same binary as the service.</summary>
internal static class PprrCommandLine
{
    private static readonly string[] Commands = ["import", "ask", "pack", "package", "--help", "-h", "--version"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args)
    {
        // Temporary until the root command lands: only `package` is wired.
        if (string.Equals(args[0], "package", StringComparison.OrdinalIgnoreCase))
        {
            return new RootCommand("PprrBot") { PackageCommand.Create() }.Parse(args).InvokeAsync();
        }

        if (string.Equals(args[0], "ask", StringComparison.OrdinalIgnoreCase))
        {
            var sample = Data.Imports.SampleDataSet.LoadSnapshot(DateTimeOffset.UtcNow);
            return new RootCommand("PprrBot") { AskCommand.Create(_ => Task.FromResult(sample)) }.Parse(args).InvokeAsync();
        }

        if (string.Equals(args[0], "pack", StringComparison.OrdinalIgnoreCase))
        {
            // Until storage lands the store is empty: the pack has the exception summary and no questions.
            var sample = Data.Imports.SampleDataSet.LoadSnapshot(DateTimeOffset.UtcNow);
            return new RootCommand("PprrBot") { PackCommand.Create(_ => Task.FromResult(sample), _ => Task.FromResult<Routing.IRoutingStore>(new Routing.InMemoryRoutingStore())) }.Parse(args).InvokeAsync();
        }

        Console.Error.WriteLine($"pprrbot {args[0]}: not implemented yet.");
        return Task.FromResult(2);
    }
}
