namespace PprrBot.Cli;

/// <summary>The command line: the same binary as the service.</summary>
internal static class PprrCommandLine
{
    private static readonly string[] Commands = ["import", "ask", "pack", "package", "--help", "-h", "--version"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"pprrbot {args[0]}: not implemented yet.");
        return Task.FromResult(2);
    }
}
