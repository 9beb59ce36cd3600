using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PprrBot.Data;
using PprrBot.Data.Imports;

namespace PprrBot.Cli;

/// <summary>`pprrbot import FILE... [--kind KIND] [--by NAME]`: check and import PPRR data files (docs/data-format.md).</summary>
internal static class ImportCommand
{
    public static Command Create(Action<HostApplicationBuilder>? configureHost = null)
    {
        var files = new Argument<FileInfo[]>("file")
        {
            Description = "CSV or XLSX files to import. Several files are imported together, in one transaction.",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string?>("--kind")
        {
            Description = "The kind of file; by default it is worked out from the header row.",
        };
        kind.AcceptOnlyFromAmong("measures", "definitions", "finance", "savings", "contacts", "meetings");
        var by = new Option<string?>("--by")
        {
            Description = "Who is importing, for the import log (default: the user name of this session).",
            HelpName = "NAME",
        };

        var command = new Command("import", "Check PPRR data files and import them; if any row is wrong, nothing is imported.")
        {
            files, kind, by,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(kind),
            parseResult.GetValue(by),
            parseResult.InvocationConfiguration,
            configureHost,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo[] files, string? kindWord, string? by, InvocationConfiguration console, Action<HostApplicationBuilder>? configureHost, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                await console.Error.WriteLineAsync($"{file.FullName}: no such file.");
                return ExitCodes.Usage;
            }

            if (!Path.GetExtension(file.Name).Equals(".csv", StringComparison.OrdinalIgnoreCase)
                && !Path.GetExtension(file.Name).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                await console.Error.WriteLineAsync($"{file.Name}: expected a .csv or .xlsx file.");
                return ExitCodes.Usage;
            }
        }

        ImportKind? kind = kindWord is null ? null : Enum.Parse<ImportKind>(kindWord, ignoreCase: true);
        var sources = new List<ImportSource>();
        foreach (var file in files)
        {
            sources.Add(await ImportSource.FromFileAsync(file.FullName, cancellationToken));
        }

        var builder = CliHost.CreateBuilder(configureHost);
        builder.AddPprrDatabase();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PprrDbContext>().Database.MigrateAsync(cancellationToken);
        var outcome = await scope.ServiceProvider.GetRequiredService<PprrImporter>()
            .ImportAsync(sources, kind, string.IsNullOrWhiteSpace(by) ? Environment.UserName : by.Trim(), cancellationToken);

        if (!outcome.Succeeded)
        {
            var count = outcome.Problems.Count;
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Nothing was imported: {count} {(count == 1 ? "problem" : "problems")} found."));
            foreach (var problem in outcome.Problems)
            {
                await console.Error.WriteLineAsync(problem.ToString());
            }

            return ExitCodes.InvalidInput;
        }

        foreach (var file in outcome.Files)
        {
            var word = file.Kind.ToString().ToLowerInvariant();
            await console.Output.WriteLineAsync(file.Status == ImportFileStatus.AlreadyImported
                ? string.Create(CultureInfo.InvariantCulture, $"{file.FileName}: already imported as {word} (import {file.ImportId}, same SHA-256); nothing changed.")
                : string.Create(CultureInfo.InvariantCulture, $"{file.FileName}: imported {file.Rows} {word} rows (import {file.ImportId})."));
        }

        return ExitCodes.Ok;
    }
}
