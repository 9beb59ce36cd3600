using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PprrBot.Conversation;

/// <summary>Phrases that signal what a member wants (Vocabulary/intent-cues.json), matched on folded words.</summary>
internal sealed class IntentCues
{
    // Every kind's cues by their first word, in one index: a question's words are looked up once and every cue they can
    // start is checked, for all kinds together, the first time a kind is asked about (a question is asked about some
    // twenty kinds; a lookup per word and kind was about a tenth of reading a question in a CPU profile under load).
    private readonly FrozenDictionary<string, Cue[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;

    private readonly FrozenDictionary<string, int> _kinds;

    private IntentCues(Dictionary<string, List<string>> file)
    {
        _kinds = file.Keys.Select((kind, index) => (kind, index)).ToFrozenDictionary(k => k.kind, k => k.index, StringComparer.OrdinalIgnoreCase);
        var cues = file.SelectMany(kv => kv.Value.Select((text, order) => Cue.Parse(text, order, _kinds[kv.Key]))).Where(c => c.Parts.Length > 0).ToList();
        _byFirstWord = cues.GroupBy(c => c.FirstWord, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        Words = cues.SelectMany(c => c.Parts).SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToFrozenSet(StringComparer.Ordinal);
    }

    public static IntentCues Default { get; } = Load();

    public FrozenSet<string> Words { get; }

    /// <summary>True when any cue of the kind appears in the question (given as " word word ").</summary>
    public bool Has(string kind, string paddedText) => _kinds.TryGetValue(kind, out var index) && LongestByKind(paddedText)[index] is not null;

    /// <summary>The longest matching cue of the kind, or null (of equally long ones, the first in the file).</summary>
    public string? Longest(string kind, string paddedText) =>
        _kinds.TryGetValue(kind, out var index) ? LongestByKind(paddedText)[index]?.Text : null;

    // The question's matches, per kind its longest matching cue, are worked out once per thread and question and reused
    // for the next kind asked about (only Has and Longest read them, and never keep them).
    [ThreadStatic]
    private static string? t_text;

    [ThreadStatic]
    private static Cue?[]? t_longest;

    private Cue?[] LongestByKind(string paddedText)
    {
        var longest = t_longest;
        if (longest is null || longest.Length != _kinds.Count)
        {
            t_longest = longest = new Cue?[_kinds.Count];
            t_text = null;
        }

        if (ReferenceEquals(t_text, paddedText))
        {
            return longest;
        }

        Array.Clear(longest);
        foreach (var range in paddedText.AsSpan().Split(' '))
        {
            if (range.End.Value > range.Start.Value
                && _byFirstWord.TryGetValue(paddedText.AsSpan()[range], out var cues))
            {
                foreach (var cue in cues)
                {
                    var best = longest[cue.Kind];
                    if ((best is null || cue.Length > best.Length || (cue.Length == best.Length && cue.Order < best.Order)) && cue.IsIn(paddedText))
                    {
                        longest[cue.Kind] = cue;
                    }
                }
            }
        }

        t_text = paddedText;
        return longest;
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

    /// <summary>
    /// A cue phrase; "*" stands for any words in between ("what does * mean"). <c>Order</c>: its place in its kind's
    /// list in the file; <c>Kind</c>: which list.
    /// </summary>
    private sealed record Cue(string Text, string[] Parts, int Length, int Order, int Kind)
    {
        /// <summary>The cue's first word: a question without it cannot contain the cue.</summary>
        public string FirstWord { get; } = Parts.Length > 0 ? Parts[0].Split(' ')[0] : "";

        // Each part as it must appear in a padded question, " part ", made once rather than at every check.
        private readonly string[] _padded = [.. Parts.Select(p => ' ' + p + ' ')];

        public static Cue Parse(string text, int order, int kind)
        {
            var parts = text.Split('*', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => string.Join(' ', TextNormaliser.Tokens(p)))
                .Where(p => p.Length > 0)
                .ToArray();
            return new Cue(text, parts, parts.Sum(p => p.Length), order, kind);
        }

        public bool IsIn(string paddedText)
        {
            var from = 0;
            foreach (var part in _padded)
            {
                var at = paddedText.IndexOf(part, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    return false;
                }

                from = at + part.Length - 1;
            }

            return _padded.Length > 0;
        }
    }
}

[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class IntentCuesJsonContext : JsonSerializerContext;
