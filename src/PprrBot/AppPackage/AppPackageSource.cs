using System.Reflection;

namespace PprrBot.AppPackage;

/// <summary>The manifest template and the files (icons) a Teams app package is built from.</summary>
internal sealed record AppPackageSource(string ManifestTemplate, IReadOnlyDictionary<string, byte[]> Files)
{
    internal const string ManifestFileName = "manifest.json";
    private const string ResourcePrefix = "AppPackage.";

    /// <summary>The repository's manifest/ folder as embedded in this binary, so `pprrbot package` works anywhere.</summary>
    public static AppPackageSource Embedded()
    {
        var assembly = typeof(AppPackageSource).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[ResourcePrefix.Length..], name => ReadResource(assembly, name), StringComparer.Ordinal);
        var manifest = files.Remove(ManifestFileName, out var bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : throw new InvalidOperationException($"The build did not embed {ManifestFileName}; check the EmbeddedResource items in PprrBot.csproj.");
        return new AppPackageSource(manifest, files);
    }

    /// <summary>A council's own copy of the manifest folder (its names, URLs and icons); null when it has no manifest.json.</summary>
    public static AppPackageSource? FromFolder(DirectoryInfo folder)
    {
        var manifest = new FileInfo(Path.Combine(folder.FullName, ManifestFileName));
        if (!manifest.Exists)
        {
            return null;
        }

        var files = folder.EnumerateFiles("*.png")
            .ToDictionary(file => file.Name, file => File.ReadAllBytes(file.FullName), StringComparer.Ordinal);
        return new AppPackageSource(File.ReadAllText(manifest.FullName), files);
    }

    private static byte[] ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
