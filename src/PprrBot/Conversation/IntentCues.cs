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
    public bool Has(string kind, string paddedText)
    {
        if (!_cues.TryGetValue(kind, out var cues))
        {
            return false;
        }

        var words = WordsOf(paddedText);
        foreach (var cue in cues)
        {
            if (words.Contains(cue.FirstWord) && cue.IsIn(paddedText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest matching cue of the kind, or null.</summary>
    public string? Longest(string kind, string paddedText) =>
        _cues.TryGetValue(kind, out var cues)
            ? cues.Where(c => WordsOf(paddedText).Contains(c.FirstWord) && c.IsIn(paddedText)).OrderByDescending(c => c.Length).Select(c => c.Text).FirstOrDefault()
            : null;

    // A question is checked against every kind of cue in turn: its words are split once per thread and reused,
    // so most cues are ruled out by one set lookup instead of a substring search.
    [ThreadStatic]
    private static (string Text, HashSet<string> Words)? _lastWords;

    private static HashSet<string> WordsOf(string paddedText)
    {
        if (_lastWords is { } last && ReferenceEquals(last.Text, paddedText))
        {
            return last.Words;
        }

        var words = new HashSet<string>(paddedText.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        _lastWords = (paddedText, words);
        return words;
    }

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
        /// <summary>The cue's first word: a question without it cannot contain the cue.</summary>
        public string FirstWord { get; } = Parts.Length > 0 ? Parts[0].Split(' ')[0] : "";

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
