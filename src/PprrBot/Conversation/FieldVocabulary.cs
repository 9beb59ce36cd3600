using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PprrBot.Conversation;

/// <summary>
/// The field's words (LAC, CP plan, EHCP, PA, KS2, NEET...), loaded from Vocabulary/field-vocabulary.json.
/// Every variant phrase is rewritten to one concept token in questions and measure names alike, so both
/// sides meet on the same words. Councils extend the file, not the code.
/// </summary>
internal sealed class FieldVocabulary
{
    private readonly FrozenDictionary<string, Phrase[]> _phrasesByFirstToken;
    private readonly FrozenDictionary<string, Phrase[]> _loosePhrasesByFirstToken;

    private FieldVocabulary(VocabularyFile file)
    {
        var phrases = new List<Phrase>();
        foreach (var synonym in file.Synonyms)
        {
            var concept = ConceptToken(synonym.Canonical);
            foreach (var variant in synonym.Variants.Append(synonym.Canonical))
            {
                var tokens = TextNormaliser.Tokens(variant).ToArray();
                if (tokens.Length > 0)
                {
                    phrases.Add(new Phrase(tokens, concept));
                }
            }
        }

        _phrasesByFirstToken = ByFirstToken(phrases);
        Stopwords = file.Stopwords.Select(TextNormaliser.Stem).ToFrozenSet(StringComparer.Ordinal);

        // The same phrases without their stopwords, so "children are looked after" still meets "children looked after".
        var stopwords = Stopwords;
        _loosePhrasesByFirstToken = ByFirstToken(phrases
            .Select(p => new Phrase(p.Tokens.Where(t => !stopwords.Contains(t)).ToArray(), p.Concept))
            .Where(p => p.Tokens.Length > 1));
        Implies = file.Implies.ToFrozenDictionary(
            kv => ConceptToken(kv.Key),
            kv => kv.Value.Select(ConceptToken).ToArray(),
            StringComparer.Ordinal);
        DefaultCohort = ConceptToken(file.DefaultCohort);
        UnitWords = file.UnitWords.Select(ConceptToken).ToFrozenSet(StringComparer.Ordinal);
        LooseUnitWords = file.LooseUnitWords.Select(ConceptToken).ToFrozenSet(StringComparer.Ordinal);
        FunctionWords = file.FunctionWords.Select(TextNormaliser.Stem).ToFrozenSet(StringComparer.Ordinal);
        CohortWords = file.CohortWords.Select(ConceptToken).ToFrozenSet(StringComparer.Ordinal);
        ConceptTokens = phrases.Select(p => p.Concept).ToFrozenSet(StringComparer.Ordinal);
        KnownWords = phrases.SelectMany(p => p.Tokens).Concat(Stopwords).ToFrozenSet(StringComparer.Ordinal);
    }

    public FrozenSet<string> Stopwords { get; }

    /// <summary>Broader concepts a measure's concept also stands for (an EHC plan is a kind of SEN).</summary>
    public FrozenDictionary<string, string[]> Implies { get; }

    /// <summary>The cohort a measure name states when it is the whole population ("all pupils").</summary>
    public string DefaultCohort { get; }

    /// <summary>Words that say how a thing is counted (number, rate, %), not what is counted.</summary>
    public FrozenSet<string> UnitWords { get; }

    /// <summary>Unit words a member may use without meaning that unit only ("how many" is happy to see the rate too).</summary>
    public FrozenSet<string> LooseUnitWords { get; }

    /// <summary>Grammar words only: what is left of a question about contacts or money lines still names the topic.</summary>
    public FrozenSet<string> FunctionWords { get; }

    /// <summary>Who a measure counts (all pupils, pupils with an EHC plan, Year 6...): a cohort the member did not name counts against a measure.</summary>
    public FrozenSet<string> CohortWords { get; }

    /// <summary>Every concept the vocabulary defines: a field term, even when no measure uses it (children in need).</summary>
    public FrozenSet<string> ConceptTokens { get; }

    /// <summary>Every word the vocabulary knows, for spelling correction.</summary>
    public FrozenSet<string> KnownWords { get; }

    public static FieldVocabulary Default { get; } = Load();

    /// <summary>
    /// Rewrites variant phrases to concept tokens, longest phrase first; then again with stopwords removed,
    /// so words in between ("children are looked after") do not hide a phrase.
    /// </summary>
    public List<string> Concepts(IReadOnlyList<string> tokens)
    {
        var strict = Rewrite(tokens, _phrasesByFirstToken);
        var content = strict.Where(t => !Stopwords.Contains(t)).ToList();
        return Rewrite(content, _loosePhrasesByFirstToken);
    }

    /// <summary>Rewrites variant phrases to concept tokens, longest phrase first, keeping every other word.</summary>
    public List<string> Rewrite(IReadOnlyList<string> tokens) => Rewrite(tokens, _phrasesByFirstToken);

    private static List<string> Rewrite(IReadOnlyList<string> tokens, FrozenDictionary<string, Phrase[]> phrasesByFirstToken)
    {
        var result = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var matched = false;
            if (phrasesByFirstToken.TryGetValue(tokens[i], out var candidates))
            {
                foreach (var phrase in candidates)
                {
                    if (Matches(tokens, i, phrase.Tokens))
                    {
                        result.Add(phrase.Concept);
                        i += phrase.Tokens.Length;
                        matched = true;
                        break;
                    }
                }
            }

            if (!matched)
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }

    /// <summary>Concept tokens are the canonical phrase joined by underscores: "looked_after_children".</summary>
    public static string ConceptToken(string canonical) => string.Join('_', TextNormaliser.Tokens(canonical));

    private static FrozenDictionary<string, Phrase[]> ByFirstToken(IEnumerable<Phrase> phrases) =>
        phrases
            .GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Length).ToArray(), StringComparer.Ordinal);

    private static bool Matches(IReadOnlyList<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(tokens[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static FieldVocabulary Load()
    {
        using var stream = typeof(FieldVocabulary).Assembly.GetManifestResourceStream("PprrBot.Conversation.Vocabulary.field-vocabulary.json")
            ?? throw new InvalidOperationException("The field vocabulary is missing from the build.");
        var file = JsonSerializer.Deserialize(stream, VocabularyJsonContext.Default.VocabularyFile)
            ?? throw new InvalidOperationException("The field vocabulary is empty.");
        return new FieldVocabulary(file);
    }

    private sealed record Phrase(string[] Tokens, string Concept);
}

internal sealed record VocabularyFile(
    IReadOnlyList<SynonymGroup> Synonyms,
    IReadOnlyList<string> Stopwords,
    IReadOnlyDictionary<string, string[]> Implies,
    string DefaultCohort,
    IReadOnlyList<string> UnitWords,
    IReadOnlyList<string> LooseUnitWords,
    IReadOnlyList<string> FunctionWords,
    IReadOnlyList<string> CohortWords);

internal sealed record SynonymGroup(string Canonical, IReadOnlyList<string> Variants);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip)]
[JsonSerializable(typeof(VocabularyFile))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
