using System.Collections.Frozen;

namespace PprrBot.Conversation;

/// <summary>
/// Corrects a typo to the nearest known word (Damerau-Levenshtein distance 1, or 2 for long words),
/// looked up through a table of single-character deletions so the cost does not grow with the vocabulary.
/// </summary>
internal sealed class SpellingCorrector
{
    private readonly FrozenSet<string> _known;
    private readonly FrozenDictionary<string, string[]> _byDeletion;
    private readonly FrozenDictionary<string, int> _frequency;

    public SpellingCorrector(IEnumerable<string> words, IReadOnlyDictionary<string, int>? frequency = null)
    {
        _known = words.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        var byDeletion = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var word in _known)
        {
            if (word.Length < 4 || !word.All(char.IsLetter))
            {
                continue;
            }


            foreach (var deletion in Deletions(word))
            {
                if (!byDeletion.TryGetValue(deletion, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    byDeletion[deletion] = set;
                }

                set.Add(word);
            }
        }

        _byDeletion = byDeletion.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _frequency = (frequency ?? new Dictionary<string, int>()).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public bool IsKnown(string word) => _known.Contains(word);

    /// <summary>The word itself when known, too short or not a word; else the closest known word, if close enough.</summary>
    public string Correct(string word)
    {
        // Short words are left alone: too many acronyms (CAMHS, SDQ, CIN) are one letter from a real word.
        if (word.Length < 5 || _known.Contains(word) || !word.All(char.IsLetter))
        {
            return word;
        }

        var maxDistance = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = -1;

        void Consider(string candidate)
        {
            var distance = Distance(word, candidate);
            var frequency = _frequency.GetValueOrDefault(candidate);
            if (distance <= maxDistance && (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency)))
            {
                best = candidate;
                bestDistance = distance;
                bestFrequency = frequency;
            }
        }

        // Candidates share a deletion with the word: covers substitutions, insertions, deletions and transpositions.
        foreach (var key in Deletions(word).Append(word))
        {
            if (_byDeletion.TryGetValue(key, out var candidates))
            {
                foreach (var candidate in candidates)
                {
                    Consider(candidate);
                }
            }

            if (key.Length < word.Length && _known.Contains(key))
            {
                Consider(key);
            }
        }

        return best ?? word;
    }

    private static IEnumerable<string> Deletions(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
        }
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        // Three rows of the table (this one, the one before, and the one before that for transpositions), on the
        // stack: spelling correction compares a word with dozens of candidates per question.
        var width = b.Length + 1;
        Span<int> rows = width <= 64 ? stackalloc int[3 * width] : new int[3 * width];
        var twoBack = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], twoBack[j - 2] + 1);
                }
            }

            // Rotate: the row before becomes two back, this row the row before, and two back is reused.
            var spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
