using System.CommandLine;
using System.Globalization;
using PprrBot.Data;
using PprrBot.Data.ReadModel;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Cli;

/// <summary>
/// `pprrbot pack --meeting 2020-12-09 --out pack.docx`: the meeting's questions and answers, exception summary and
/// sources as a Word document, for Democratic Services to publish with the papers.
/// </summary>
internal static class PackCommand
{
    /// <summary>
    /// The command over the service's own start-up: the database's snapshot, and the routed questions from the
    /// registered <see cref="IRoutingStore"/> (an empty in-memory store until the data feature registers one).
    /// </summary>
    public static Command Create(Action<HostApplicationBuilder>? configureHost)
    {
        IHost? host = null;
        return Create(
            async cancellationToken =>
            {
                var builder = CliHost.CreateBuilder(configureHost);
                builder.AddPprrData();
                // Lives until the process exits when the command ends.
                host = builder.Build();
                await CliHost.StartWithDataAsync(host, cancellationToken);
                return host.Services.GetRequiredService<PprrSnapshotStore>().Current;
            },
            _ => Task.FromResult(host?.Services.GetService<IRoutingStore>() ?? new InMemoryRoutingStore()));
    }

    public static Command Create(
        Func<CancellationToken, Task<PprrSnapshot>> loadSnapshot,
        Func<CancellationToken, Task<IRoutingStore>> openStore,
        TimeProvider? time = null)
    {
        var meeting = new Option<string>("--meeting") { Description = "The meeting date, as 2020-12-09.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The Word file to write, such as pack.docx.", Required = true };
        var command = new Command("pack", "Write a meeting's question-and-answer pack (DOCX).") { meeting, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = parseResult.GetValue(meeting) ?? "";
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"pprrbot pack: --meeting must be a date written as 2020-12-09, not \"{text}\".");
                return ExitCodes.Usage;
            }

            var file = parseResult.GetValue(output)!;
            var snapshot = await loadSnapshot(cancellationToken);
            var store = await openStore(cancellationToken);
            var outcome = await new MeetingPackBuilder(store, time ?? TimeProvider.System).BuildAsync(snapshot, date, cancellationToken);
            if (outcome is not MeetingPackOutcome.Ready ready)
            {
                var known = string.Join(", ", snapshot.Meetings.Select(m => m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"pprrbot pack: no meeting on {text}. Meetings held: {(known.Length == 0 ? "none" : known)}.");
                return ExitCodes.InvalidInput;
            }

            var bytes = MeetingPackBuilder.Render(ready.Pack);
            await File.WriteAllBytesAsync(file.FullName, bytes, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Wrote {file.FullName} ({ready.Pack.Questions.Count} questions, {bytes.Length:N0} bytes).");
            return ExitCodes.Ok;
        });
        return command;
    }
}
