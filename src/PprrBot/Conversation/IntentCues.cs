using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PprrBot.Conversation;

/// <summary>Phrases that signal what a member wants (Vocabulary/intent-cues.json), matched on folded words.</summary>
internal sealed class IntentCues
{
    private readonly FrozenDictionary<string, Cue[]> _cues;

    private IntentCues(Dictionary<string, List<string>> file)
    {
        _cues = file.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.Select(Cue.Parse).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        Words = _cues.Values.SelectMany(c => c).SelectMany(c => c.Parts).SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static IntentCues Default { get; } = Load();

    public FrozenSet<string> Words { get; }

    /// <summary>True when any cue of the kind appears in the question (given as " word word ").</summary>
    public bool Has(string kind, string paddedText) => _cues.TryGetValue(kind, out var cues) && cues.Any(c => c.IsIn(paddedText));

    /// <summary>The longest matching cue of the kind, or null.</summary>
    public string? Longest(string kind, string paddedText) =>
        _cues.TryGetValue(kind, out var cues)
            ? cues.Where(c => c.IsIn(paddedText)).OrderByDescending(c => c.Length).Select(c => c.Text).FirstOrDefault()
            : null;

    private static IntentCues Load()
    {
        using var stream = typeof(IntentCues).Assembly.GetManifestResourceStream("PprrBot.Conversation.Vocabulary.intent-cues.json")
            ?? throw new InvalidOperationException("The intent cues are missing from the build.");
        var file = JsonSerializer.Deserialize(stream, IntentCuesJsonContext.Default.DictionaryStringJsonElement)
            ?? throw new InvalidOperationException("The intent cues are empty.");
        var lists = file
            .Where(kv => kv.Value.ValueKind == JsonValueKind.Array)
            .ToDictionary(kv => kv.Key, kv => kv.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToList(), StringComparer.OrdinalIgnoreCase);
        return new IntentCues(lists);
    }

    /// <summary>A cue phrase; "*" stands for any words in between ("what does * mean").</summary>
    private sealed record Cue(string Text, string[] Parts, int Length)
    {
        public static Cue Parse(string text)
        {
            var parts = text.Split('*', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => string.Join(' ', TextNormaliser.Tokens(p)))
                .Where(p => p.Length > 0)
                .ToArray();
            return new Cue(text, parts, parts.Sum(p => p.Length));
        }

        public bool IsIn(string paddedText)
        {
            var from = 0;
            foreach (var part in Parts)
            {
                var at = paddedText.IndexOf(' ' + part + ' ', from, StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                from = at + part.Length + 1;
            }

            return Parts.Length > 0;
        }
    }
}

[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class IntentCuesJsonContext : JsonSerializerContext;
