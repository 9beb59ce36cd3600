using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PprrBot.AppPackage;

/// <summary>Fills the manifest template and zips it with its icons: the package a Teams admin uploads.</summary>
internal static partial class AppPackageBuilder
{
    internal const string AppIdPlaceholder = "{{APP_ID}}";
    internal const string BotDomainPlaceholder = "{{BOT_DOMAIN}}";

    // Fixed entry times make the same inputs give the same bytes, so a rebuilt package can be compared with the last one.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        // The manifest is never embedded in HTML; keep "what's red" readable rather than "what\u0027s red".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static AppPackageOutcome Build(AppPackageSource source, AppPackageSettings settings)
    {
        var problems = CheckSettings(settings);
        if (problems.Count > 0)
        {
            return AppPackageOutcome.Rejected(problems);
        }

        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(source.ManifestTemplate) as JsonObject
                ?? throw new JsonException("the manifest is not a JSON object");
        }
        catch (JsonException exception)
        {
            return AppPackageOutcome.Rejected([$"{AppPackageSource.ManifestFileName} is not valid JSON: {exception.Message}"]);
        }

        Fill(manifest, settings);
        problems = CheckManifest(manifest, settings, source);
        if (problems.Count > 0)
        {
            return AppPackageOutcome.Rejected(problems);
        }

        return AppPackageOutcome.Built(Zip(manifest, source));
    }

    private static List<string> CheckSettings(AppPackageSettings settings)
    {
        var problems = new List<string>();
        if (!Guid.TryParseExact(settings.AppId, "D", out var appId) || appId == Guid.Empty)
        {
            problems.Add($"--app-id '{settings.AppId}' is not a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301: use the Azure Bot's Microsoft App ID.");
        }

        if (settings.BotDomain is { } domain && Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            problems.Add($"--bot-domain '{domain}' is not a host name: give the host only, such as pprrbot.council.gov.uk (no https:// and no path).");
        }

        if (settings.Version is { } version && !SemanticVersion().IsMatch(version))
        {
            problems.Add($"--version '{version}' is not MAJOR.MINOR.PATCH, such as 1.0.1: Teams needs a higher version for every update.");
        }

        return problems;
    }

    private static void Fill(JsonObject manifest, AppPackageSettings settings)
    {
        if (settings.BotDomain is null && manifest["validDomains"] is JsonArray domains)
        {
            // A bot that only sends messages needs no valid domains; drop the placeholder rather than ship it.
            foreach (var placeholder in domains.Where(d => d?.GetValue<string>() == BotDomainPlaceholder).ToList())
            {
                domains.Remove(placeholder);
            }

            if (domains.Count == 0)
            {
                manifest.Remove("validDomains");
            }
        }

        if (settings.Version is not null)
        {
            manifest["version"] = settings.Version;
        }

        ReplacePlaceholders(manifest, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AppIdPlaceholder] = settings.AppId.ToLowerInvariant(),
            [BotDomainPlaceholder] = settings.BotDomain?.ToLowerInvariant() ?? BotDomainPlaceholder,
        });
    }

    private static void ReplacePlaceholders(JsonNode? node, Dictionary<string, string> values)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            node.ReplaceWith(Replace(text, values));
            return;
        }

        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject item => item.Select(property => property.Value),
            JsonArray list => list,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            ReplacePlaceholders(child, values);
        }
    }

    private static string Replace(string text, Dictionary<string, string> values) =>
        values.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    // The checks the Teams schema cannot express (protocol.md 4.5); the schema itself is checked in tests/manifest.
    private static List<string> CheckManifest(JsonObject manifest, AppPackageSettings settings, AppPackageSource source)
    {
        var problems = new List<string>();
        var text = manifest.ToJsonString();
        foreach (var placeholder in Placeholder().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            problems.Add($"{AppPackageSource.ManifestFileName} still has the placeholder {placeholder} after filling: give a value for it.");
        }

        if (!SemanticVersion().IsMatch(StringAt(manifest, "version") ?? string.Empty))
        {
            problems.Add($"The manifest version '{StringAt(manifest, "version")}' is not MAJOR.MINOR.PATCH.");
        }

        var appId = settings.AppId.ToLowerInvariant();
        if (!string.Equals(StringAt(manifest, "id"), appId, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The manifest id is not {AppIdPlaceholder}: the Teams app id must be the bot's app id.");
        }

        if (manifest["bots"] is not JsonArray { Count: 1 } bots || !string.Equals(StringAt(bots[0], "botId"), appId, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The manifest must have one bot whose botId is {AppIdPlaceholder}.");
        }

        var shortName = StringAt(manifest["name"], "short");
        if (string.IsNullOrWhiteSpace(shortName) || string.Equals(shortName, StringAt(manifest["name"], "full"), StringComparison.Ordinal))
        {
            problems.Add("The manifest's name.short must be set and differ from name.full.");
        }

        foreach (var icon in new[] { "color", "outline" })
        {
            var file = StringAt(manifest["icons"], icon);
            if (file is null || !source.Files.ContainsKey(file))
            {
                problems.Add($"The {icon} icon '{file}' named in the manifest is not beside {AppPackageSource.ManifestFileName}.");
            }
        }

        return problems;
    }

    private static string? StringAt(JsonNode? node, string property) =>
        node is JsonObject item && item[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static byte[] Zip(JsonObject manifest, AppPackageSource source)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            // Teams reads the files only at the zip's root; a folder inside the zip is the classic upload failure.
            Add(zip, AppPackageSource.ManifestFileName, new UTF8Encoding(false).GetBytes(manifest.ToJsonString(ManifestJson) + "\n"));
            foreach (var icon in new[] { StringAt(manifest["icons"], "color")!, StringAt(manifest["icons"], "outline")! }.Distinct(StringComparer.Ordinal))
            {
                Add(zip, icon, source.Files[icon]);
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"\{\{[A-Za-z0-9_]+\}\}")]
    private static partial Regex Placeholder();
}
