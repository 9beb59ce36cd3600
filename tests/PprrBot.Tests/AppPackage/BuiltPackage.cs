using System.IO.Compression;
using System.Text.Json.Nodes;
using PprrBot.AppPackage;

namespace PprrBot.Tests.AppPackage;

/// <summary>A package built from the embedded manifest and icons, opened the way Teams would read it.</summary>
internal sealed class BuiltPackage
{
    public const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private BuiltPackage(byte[] bytes)
    {
        Bytes = bytes;
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Entries = zip.Entries.ToDictionary(entry => entry.FullName, Read, StringComparer.Ordinal);
        Manifest = JsonNode.Parse(Entries["manifest.json"])!.AsObject();
    }

    public byte[] Bytes { get; }

    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    public JsonObject Manifest { get; }

    public static BuiltPackage Build(AppPackageSettings? settings = null) =>
        Open(AppPackageBuilder.Build(AppPackageSource.Embedded(), settings ?? new AppPackageSettings(AppId, "pprrbot.example.gov.uk", "1.2.3")));

    public static BuiltPackage Open(AppPackageOutcome outcome)
    {
        Assert.True(outcome.Package is not null, string.Join(Environment.NewLine, outcome.Problems));
        return new BuiltPackage(outcome.Package);
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
