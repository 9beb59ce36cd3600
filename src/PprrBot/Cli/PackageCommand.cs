using System.CommandLine;
using PprrBot.AppPackage;

namespace PprrBot.Cli;

/// <summary>`pprrbot package`: builds the Teams app package a Teams admin uploads.</summary>
internal static class PackageCommand
{
    internal static Command Create()
    {
        var appId = new Option<string>("--app-id")
        {
            Description = "The Azure Bot's Microsoft App ID (a GUID); it becomes the Teams app id and the bot id.",
            Required = true,
        };
        var botDomain = new Option<string?>("--bot-domain")
        {
            Description = "The bot's public host name, e.g. pprrbot.council.gov.uk, listed in validDomains.",
        };
        var version = new Option<string?>("--version")
        {
            Description = "The app version as MAJOR.MINOR.PATCH; raise it for every package you upload again.",
        };
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the zip, e.g. pprrbot.zip.",
            Required = true,
        };
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "A folder with your own manifest.json, color.png and outline.png; by default the built-in ones.",
        };

        var command = new Command("package", "Build the Teams app package (manifest.json and the two icons in a zip) for the Teams admin centre.")
        {
            appId, botDomain, version, output, from,
        };
        command.SetAction(parseResult => Run(
            new AppPackageSettings(parseResult.GetRequiredValue(appId).Trim(), parseResult.GetValue(botDomain)?.Trim(), parseResult.GetValue(version)?.Trim()),
            parseResult.GetValue(from),
            parseResult.GetRequiredValue(output)));
        return command;
    }

    private static int Run(AppPackageSettings settings, DirectoryInfo? from, FileInfo output)
    {
        var source = from is null ? AppPackageSource.Embedded() : AppPackageSource.FromFolder(from);
        if (source is null)
        {
            Console.Error.WriteLine($"--from '{from!.FullName}' has no {AppPackageSource.ManifestFileName}.");
            return 1;
        }

        var outcome = AppPackageBuilder.Build(source, settings);
        if (outcome.Package is null)
        {
            Console.Error.WriteLine("No package written:");
            foreach (var problem in outcome.Problems)
            {
                Console.Error.WriteLine($"  {problem}");
            }

            return 1;
        }

        // Write beside the target and move into place, so a failed write never leaves half a zip to upload.
        output.Directory?.Create();
        var partial = output.FullName + ".partial";
        File.WriteAllBytes(partial, outcome.Package);
        File.Move(partial, output.FullName, overwrite: true);
        Console.WriteLine($"Wrote {output.FullName} for app {settings.AppId}: upload it in the Teams admin centre (Manage apps, Upload).");
        return 0;
    }
}
