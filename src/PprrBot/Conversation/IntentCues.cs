using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PprrBot.Conversation;

/// <summary>Phrases that signal what a member wants (Vocabulary/intent-cues.json), matched on folded words.</summary>
internal sealed class IntentCues
{
    // Per kind, the cues by their first word: a question is checked against the cues its own words can start, not every
    // cue of the kind (a question is checked against some twenty kinds; a CPU profile under load found the cue checks
    // a sixth of reading a question).
    private readonly FrozenDictionary<string, FrozenDictionary<string, Cue[]>> _cues;

    private IntentCues(Dictionary<string, List<string>> file)
    {
        var cues = file.ToDictionary(kv => kv.Key, kv => kv.Value.Select((text, order) => Cue.Parse(text, order)).Where(c => c.Parts.Length > 0).ToArray(), StringComparer.OrdinalIgnoreCase);
        _cues = cues.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.GroupBy(c => c.FirstWord, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);
        Words = cues.Values.SelectMany(c => c).SelectMany(c => c.Parts).SelectMany(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    public static IntentCues Default { get; } = Load();

    public FrozenSet<string> Words { get; }

    /// <summary>True when any cue of the kind appears in the question (given as " word word ").</summary>
    public bool Has(string kind, string paddedText)
    {
        if (!_cues.TryGetValue(kind, out var byFirstWord))
        {
            return false;
        }

        foreach (var word in WordsOf(paddedText))
        {
            if (byFirstWord.TryGetValue(word, out var cues))
            {
                foreach (var cue in cues)
                {
                    if (cue.IsIn(paddedText))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The longest matching cue of the kind, or null (of equally long ones, the first in the file).</summary>
    public string? Longest(string kind, string paddedText)
    {
        if (!_cues.TryGetValue(kind, out var byFirstWord))
        {
            return null;
        }

        Cue? longest = null;
        foreach (var word in WordsOf(paddedText))
        {
            if (byFirstWord.TryGetValue(word, out var cues))
            {
                foreach (var cue in cues)
                {
                    if ((longest is null || cue.Length > longest.Length || (cue.Length == longest.Length && cue.Order < longest.Order)) && cue.IsIn(paddedText))
                    {
                        longest = cue;
                    }
                }
            }
        }

        return longest?.Text;
    }

    // A question is checked against every kind of cue in turn: its distinct words are split once per thread and reused,
    // in one set per thread, refilled for the next question (only Has and Longest read it, and never keep it).
    [ThreadStatic]
    private static string? t_wordsText;

    [ThreadStatic]
    private static HashSet<string>? t_words;

    private static HashSet<string> WordsOf(string paddedText)
    {
        var words = t_words ??= new HashSet<string>(StringComparer.Ordinal);
        if (!ReferenceEquals(t_wordsText, paddedText))
        {
            if (words.Count > 1024)
            {
                // An unusually long message: its set is not kept for the life of the thread.
                t_words = words = new HashSet<string>(StringComparer.Ordinal);
            }

            words.Clear();
            foreach (var range in paddedText.AsSpan().Split(' '))
            {
                if (range.End.Value > range.Start.Value)
                {
                    words.Add(paddedText[range]);
                }
            }

            t_wordsText = paddedText;
        }

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

    /// <summary>A cue phrase; "*" stands for any words in between ("what does * mean"). <c>Order</c>: its place in the file.</summary>
    private sealed record Cue(string Text, string[] Parts, int Length, int Order)
    {
        /// <summary>The cue's first word: a question without it cannot contain the cue.</summary>
        public string FirstWord { get; } = Parts.Length > 0 ? Parts[0].Split(' ')[0] : "";

        // Each part as it must appear in a padded question, " part ", made once rather than at every check.
        private readonly string[] _padded = [.. Parts.Select(p => ' ' + p + ' ')];

        public static Cue Parse(string text, int order)
        {
            var parts = text.Split('*', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(p => string.Join(' ', TextNormaliser.Tokens(p)))
                .Where(p => p.Length > 0)
                .ToArray();
            return new Cue(text, parts, parts.Sum(p => p.Length), order);
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
