using PprrBot.Cli;

namespace PprrBot.Tests.Cli;

/// <summary>Runs `pprrbot` commands in-process against a SQLite file in a folder of its own, capturing what they print.</summary>
internal sealed class CommandLineRun : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("pprr-cli-").FullName;

    public StringWriter Output { get; } = new();

    public StringWriter Error { get; } = new();

    public Task<int> RunAsync(params string[] args) =>
        PprrCommandLine.RunAsync(args, Output, Error, builder => builder.Configuration["Data:SqlitePath"] = Path.Combine(Folder, "pprrbot.db"), TestContext.Current.CancellationToken);

    public void Dispose()
    {
        Output.Dispose();
        Error.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
