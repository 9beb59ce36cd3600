using System.CommandLine;
using System.IO.Compression;
using PprrBot.Cli;

namespace PprrBot.Tests.Cli;

public sealed class PackageCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pprrbot-package-");

    [Fact]
    public async Task WritesThePackageWhereAsked()
    {
        var output = Path.Combine(_folder.FullName, "out", "pprrbot.zip");

        var exitCode = await InvokeAsync("package", "--app-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "--bot-domain", "pprrbot.example.gov.uk", "--out", output);

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WritesNothingWhenTheAppIdIsNotAGuid()
    {
        var output = Path.Combine(_folder.FullName, "pprrbot.zip");

        var exitCode = await InvokeAsync("package", "--app-id", "my-bot", "--out", output);

        Assert.Equal(1, exitCode);
        Assert.Empty(_folder.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task BuildsFromACouncilsOwnManifestFolder()
    {
        var own = _folder.CreateSubdirectory("own");
        var repoManifest = Path.Combine(FindRepositoryRoot(), "manifest");
        foreach (var name in new[] { "color.png", "outline.png" })
        {
            File.Copy(Path.Combine(repoManifest, name), Path.Combine(own.FullName, name));
        }

        await File.WriteAllTextAsync(
            Path.Combine(own.FullName, "manifest.json"),
            (await File.ReadAllTextAsync(Path.Combine(repoManifest, "manifest.json"), TestContext.Current.CancellationToken))
                .Replace("Example Borough Council", "Stockport Council", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        var output = Path.Combine(_folder.FullName, "own.zip");

        var exitCode = await InvokeAsync("package", "--app-id", "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "--from", own.FullName, "--out", output);

        Assert.Equal(0, exitCode);
        using var zip = ZipFile.OpenRead(output);
        using var manifest = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        Assert.Contains("\"name\": \"Stockport Council\"", await manifest.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static Task<int> InvokeAsync(params string[] args) =>
        new RootCommand { PackageCommand.Create() }.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PprrBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PprrBot.sln not found above the test binaries.");
    }
}
