using System.Collections.Frozen;
using PprrBot.Data.ReadModel;

namespace PprrBot.Conversation;

/// <summary>How well one measure fits a question, and which of the question's concepts it covers.</summary>
/// <param name="Matched">The weight of the question's concepts this measure matched, before penalties.</param>
/// <param name="MatchedContent">The same without unit words (number, rate, %): what is counted, not how.</param>
internal sealed record MeasureMatch(MeasureView Measure, double Score, double Matched, double MatchedContent)
{
    private readonly MeasureIndex.Entry? _entry;
    private readonly string[]? _query;
    private IReadOnlyList<string>? _covered;

    internal MeasureMatch(MeasureIndex.Entry entry, string[] query, double score, double matched, double matchedContent)
        : this(entry.Measure, score, matched, matchedContent)
    {
        _entry = entry;
        _query = query;
    }

    /// <summary>
    /// The question's concepts the measure's name holds, in the question's order ("broader:source" for one its name
    /// implies). Worked out when first read: a search scores up to 32 measures, and the interpreter reads this for a few.
    /// </summary>
    public IReadOnlyList<string> Covered => _covered ??= _entry is null ? [] : _entry.CoveredBy(_query!);
}

/// <summary>
/// An inverted index over the measures' own names (and, more weakly, their definitions), in the field
/// vocabulary's concept tokens. Built once per snapshot; a question touches only the measures that share
/// a word with it, so the cost grows with the answer, not with the catalogue.
/// </summary>
internal sealed class MeasureIndex
{
    private const double DefinitionWeight = 0.3;
    private const double ImpliedWeight = 0.85;
    private const double UnmatchedPenalty = 0.2;
    private const double UnmatchedCohortPenalty = 0.5;
    private const double MaximumPenaltyShare = 0.6;
    private const double UnknownWordWeight = 1.0;
    private const int CommonTermFloor = 64;
    private const int CommonTermShare = 20;
    private const int FullyScoredCandidates = 32;

    private readonly FieldVocabulary _vocabulary;
    private readonly Entry[] _entries;
    private readonly Dictionary<MeasureView, Entry> _byMeasure;
    private readonly FrozenDictionary<string, Posting[]> _postings;
    private readonly int _commonTermLimit;

    // For each common concept, where it stands in every measure: candidates are looked up, not postings walked.
    private readonly FrozenDictionary<string, Place[]> _commonPlaces;
    private readonly FrozenDictionary<string, double> _idf;
    private readonly int[] _nameLengths;

    [ThreadStatic]
    private static int[]? _order;

    [ThreadStatic]
    private static double[]? _weights;

    [ThreadStatic]
    private static List<int>? _candidates;

    public MeasureIndex(PprrSnapshot snapshot, FieldVocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _entries = snapshot.Measures.Select(m => new Entry(m, Concepts(m.Name), Concepts(m.Measure.Definition ?? ""))).ToArray();
        _byMeasure = _entries.ToDictionary(e => e.Measure);
        _nameLengths = Array.ConvertAll(_entries, e => e.Name.Count);

        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            entry.Implied = entry.Name
                .SelectMany(t => vocabulary.Implies.TryGetValue(t, out var broader) ? broader.Select(b => (Broader: b, Source: t)) : [])
                .Where(p => !entry.Name.Contains(p.Broader))
                .GroupBy(p => p.Broader, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.First().Source, StringComparer.Ordinal);

            foreach (var token in entry.Name.Concat(entry.Implied.Keys).Concat(entry.Definition).Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(token, out var list))
                {
                    list = [];
                    postings[token] = list;
                }

                list.Add(new Posting(i, entry.Name.Contains(token) ? Place.Name : entry.Implied.ContainsKey(token) ? Place.Implied : Place.Definition));
            }

            foreach (var token in entry.Name.Concat(entry.Implied.Keys).Distinct(StringComparer.Ordinal))
            {
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        _postings = postings.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _commonTermLimit = Math.Max(CommonTermFloor, _entries.Length / CommonTermShare);
        _commonPlaces = postings.Where(kv => kv.Value.Count > _commonTermLimit).ToFrozenDictionary(
            kv => kv.Key,
            kv =>
            {
                var places = new Place[_entries.Length];
                foreach (var posting in kv.Value)
                {
                    places[posting.Entry] = posting.Place;
                }

                return places;
            },
            StringComparer.Ordinal);
        var n = Math.Max(1, _entries.Length);
        _idf = postings.Keys.ToFrozenDictionary(
            t => t,
            t => Math.Log(1.0 + (n / (double)Math.Max(1, documentFrequency.GetValueOrDefault(t, n)))),
            StringComparer.Ordinal);

        foreach (var entry in _entries)
        {
            entry.Prepare(_idf, vocabulary);
        }

        Words = _entries.SelectMany(e => e.Name.Concat(e.Definition)).ToFrozenSet(StringComparer.Ordinal);
        WordFrequency = _entries.SelectMany(e => e.Name).GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Words in measure names and definitions, after rewriting, for spelling correction.</summary>
    public FrozenSet<string> Words { get; }

    public Dictionary<string, int> WordFrequency { get; }

    public bool Knows(string concept) => _postings.ContainsKey(concept);

    public double Idf(string concept) => _idf.GetValueOrDefault(concept);

    /// <summary>Measures sharing at least one concept with the question, best first.</summary>
    public List<MeasureMatch> Search(IReadOnlyList<string> concepts)
    {
        var query = concepts.Where(_postings.ContainsKey).Distinct(StringComparer.Ordinal).ToArray();

        // Candidates come from the question's rarer words; a word in a large share of the catalogue (%,
        // pupils) still scores but does not pull in thousands of measures to score.
        var selective = query.Where(c => _postings[c].Length <= _commonTermLimit).ToArray();
        var pulling = selective.Length > 0 ? selective : query;
        // order[i] is one more than the place at which measure i became a candidate; 0 means not a candidate.
        // Both arrays are this thread's and all zero between searches, so only the candidates are cleared.
        if (_order is null || _order.Length < _entries.Length)
        {
            _order = new int[_entries.Length];
            _weights = new double[_entries.Length];
        }

        var order = _order;
        var weights = _weights!;
        // Reused too: on a large catalogue a common pair of words makes thousands of candidates.
        var candidates = _candidates ??= new List<int>(256);
        candidates.Clear();
        try
        {
            foreach (var concept in pulling)
            {
                foreach (var posting in _postings[concept])
                {
                    if (order[posting.Entry] == 0)
                    {
                        candidates.Add(posting.Entry);
                        order[posting.Entry] = candidates.Count;
                        weights[posting.Entry] = 0;
                    }
                }
            }

            // Full scoring (with the penalties that rank equally good fits) only for the candidates that match the
            // most of the question; in a catalogue the size of a council's report that is every candidate.
            var idfs = Array.ConvertAll(query, Idf);
            var isUnit = Array.ConvertAll(query, _vocabulary.UnitWords.Contains);
            var scored = candidates.Count > FullyScoredCandidates ? BestByQuickWeight(query, pulling, candidates, order, weights) : candidates;
            var matches = new List<MeasureMatch>(Math.Min(candidates.Count, FullyScoredCandidates));
            foreach (var i in scored)
            {
                var match = Score(_entries[i], query, idfs, isUnit);
                if (match.Score > 0)
                {
                    matches.Add(match);
                }
            }

            matches.Sort((a, b) => b.Score.CompareTo(a.Score) is var c && c != 0 ? c : string.CompareOrdinal(a.Measure.Code, b.Measure.Code));
            return matches;
        }
        finally
        {
            foreach (var i in candidates)
            {
                order[i] = 0;
            }
        }
    }

    /// <summary>The measure's name tokens that say what is counted, leaving out how (number, rate, %) and, if asked, for whom.</summary>
    public IReadOnlySet<string> Core(MeasureView measure, bool withoutCohort = false)
    {
        var entry = _byMeasure[measure];
        // Worked out once per measure and snapshot: a question compares the best match's core with up to a dozen others'.
        return withoutCohort
            ? entry.CoreWithoutCohort ??= CoreOf(entry, withoutCohort: true)
            : entry.Core ??= CoreOf(entry, withoutCohort: false);
    }

    private FrozenSet<string> CoreOf(Entry entry, bool withoutCohort) =>
        entry.Name
            .Where(t => !_vocabulary.UnitWords.Contains(t) && !(withoutCohort && _vocabulary.CohortWords.Contains(t)))
            .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The weight of what the question is about, leaving out unit words: each known concept's idf; a field
    /// term no measure uses ("children in need") weighs as much as the rarest word; a word the catalogue does
    /// not know at all ("reoffending") weighs one unit. A match must carry half of this to be an answer.
    /// </summary>
    public double ContentWeight(IEnumerable<string> concepts, Func<string, bool> isOtherKnownWord)
    {
        var unknownTerm = Math.Log(1.0 + _entries.Length);
        // Chatty words ("sorry, quick one while we're on item 6") weigh nothing.
        return concepts.Where(c => !_vocabulary.UnitWords.Contains(c) && !_vocabulary.FunctionWords.Contains(c)).Sum(c =>
            _idf.TryGetValue(c, out var idf) ? idf
            : _vocabulary.ConceptTokens.Contains(c) ? unknownTerm
            : c.Length > 2 && c.All(char.IsLetter) && !isOtherKnownWord(c) ? UnknownWordWeight
            : 0);
    }

    public List<string> Concepts(string text) => _vocabulary.Concepts(TextNormaliser.Tokens(text)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Concepts keeping every word but grammar: for contacts' topics and money lines ("performance measures").</summary>
    public List<string> TopicWords(string text) => TopicWords(TextNormaliser.Tokens(text));

    /// <summary>The same for words already folded by <see cref="TextNormaliser.Tokens"/>.</summary>
    public List<string> TopicWords(IReadOnlyList<string> tokens) => DistinctKeeping(_vocabulary.Rewrite(tokens), t => !_vocabulary.FunctionWords.Contains(t));

    /// <summary>
    /// The words <paramref name="keep"/> accepts, each once, in their first order, filtered in place. Every question
    /// runs this a few times, so it sizes its set once rather than growing one as <c>Distinct</c> does.
    /// </summary>
    internal static List<string> DistinctKeeping(List<string> words, Func<string, bool> keep)
    {
        var seen = new HashSet<string>(words.Count, StringComparer.Ordinal);
        var kept = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (keep(word) && seen.Add(word))
            {
                words[kept++] = word;
            }
        }

        words.RemoveRange(kept, words.Count - kept);
        return words;
    }

    /// <summary>
    /// The candidates carrying most of the question's weight, before penalties (fewer name words, then the first
    /// found, on a tie): the cheap first pass. Weights are summed concept by concept in the question's order, from a
    /// pulling concept's postings, or for a common one by looking up the candidates only.
    /// </summary>
    private List<int> BestByQuickWeight(string[] query, string[] pulling, List<int> candidates, int[] order, double[] weights)
    {
        foreach (var concept in query)
        {
            // What the concept adds to a measure, by where it stands there (Place is the index).
            var idf = Idf(concept);
            ReadOnlySpan<double> adds = [0, idf, idf * ImpliedWeight, idf * DefinitionWeight];
            if (Array.IndexOf(pulling, concept) >= 0)
            {
                foreach (var posting in _postings[concept])
                {
                    weights[posting.Entry] += adds[(int)posting.Place];
                }
            }
            else
            {
                var places = _commonPlaces[concept];
                foreach (var i in candidates)
                {
                    weights[i] += adds[(int)places[i]];
                }
            }
        }

        // The worst of the best so far sits on top, so most candidates are turned away by one comparison.
        var best = new PriorityQueue<int, QuickRank>(FullyScoredCandidates + 1);
        foreach (var i in candidates)
        {
            var rank = new QuickRank(weights[i], _nameLengths[i], order[i]);
            if (best.Count < FullyScoredCandidates)
            {
                best.Enqueue(i, rank);
            }
            else if (best.TryPeek(out _, out var worst) && rank.CompareTo(worst) > 0)
            {
                best.DequeueEnqueue(i, rank);
            }
        }

        return [.. best.UnorderedItems.Select(x => x.Element)];
    }

    private MeasureMatch Score(Entry entry, string[] query, double[] idfs, bool[] isUnit)
    {
        double score = 0;
        double units = 0;
        Span<bool> matchedName = entry.NameOrder.Length <= 64 ? stackalloc bool[entry.NameOrder.Length] : new bool[entry.NameOrder.Length];
        for (var q = 0; q < query.Length; q++)
        {
            if (!entry.Slots.TryGetValue(query[q], out var slot))
            {
                continue;
            }

            var idf = idfs[q];
            if (slot.Place == Place.Name)
            {
                score += idf;
                units += isUnit[q] ? idf : 0;
                matchedName[slot.NameIndex] = true;
            }
            else if (slot.Place == Place.Implied)
            {
                score += idf * ImpliedWeight;
                units += isUnit[q] ? idf * ImpliedWeight : 0;
                matchedName[slot.NameIndex] = true;
            }
            else
            {
                score += idf * DefinitionWeight;
            }
        }

        // A measure sharing only how it is counted ("rate", "%") is no candidate: "re-referral rate" is not persistent
        // absence because that measure's name says "rate".
        if (score - units <= 0)
        {
            return new MeasureMatch(entry, query, 0, 0, 0);
        }

        var matched = score;
        var penalty = 0.0;
        var cohortPenalty = 0.0;

        // Prefer measures whose own distinctive words the question also used: "persistent absence" is the
        // all-pupils measure, not the EHC-plan one, unless the member names the cohort.
        for (var k = 0; k < entry.NameOrder.Length; k++)
        {
            var word = entry.NameOrder[k];
            if (!matchedName[k] && !word.IsDefaultCohort)
            {
                if (word.IsCohort)
                {
                    cohortPenalty += word.Penalty;
                }
                else
                {
                    penalty += word.Penalty;
                }
            }
        }

        // The penalty ranks measures that fit equally well; it never turns a clear match into none. A cohort
        // the member did not name always counts, so "KS2" is all pupils, not pupils with an EHC plan.
        score -= Math.Min(penalty, matched * MaximumPenaltyShare) + cohortPenalty;

        return new MeasureMatch(entry, query, score, matched, matched - units);
    }

    /// <summary>Where a concept stands in a measure: its name, a broader concept its name implies, or its definition.</summary>
    internal enum Place : byte
    {
        None,
        Name,
        Implied,
        Definition,
    }

    private readonly record struct Posting(int Entry, Place Place);

    /// <summary>A concept in one measure: where it stands, the name word it matches, and how a match is recorded.</summary>
    internal readonly record struct Slot(Place Place, int NameIndex, string? Covered);

    /// <summary>A word of a measure's name and what leaving it unasked costs the measure.</summary>
    internal readonly record struct NameWord(double Penalty, bool IsCohort, bool IsDefaultCohort);

    /// <summary>Quick weight, higher first; then fewer name words; then the candidate found first.</summary>
    private readonly record struct QuickRank(double Weight, int NameLength, int Order) : IComparable<QuickRank>
    {
        public int CompareTo(QuickRank other) =>
            Weight.CompareTo(other.Weight) is var w and not 0 ? w
            : other.NameLength.CompareTo(NameLength) is var n and not 0 ? n
            : other.Order.CompareTo(Order);
    }

    internal sealed class Entry(MeasureView measure, List<string> name, List<string> definition)
    {
        public MeasureView Measure { get; } = measure;

        public FrozenSet<string> Name { get; } = name.ToFrozenSet(StringComparer.Ordinal);

        public FrozenSet<string> Definition { get; } = definition.ToFrozenSet(StringComparer.Ordinal);

        public FrozenDictionary<string, string> Implied { get; set; } = FrozenDictionary<string, string>.Empty;

        /// <summary>The name without unit words (see <see cref="MeasureIndex.Core"/>); set when first asked for.</summary>
        public FrozenSet<string>? Core { get; set; }

        public FrozenSet<string>? CoreWithoutCohort { get; set; }

        /// <summary>The name's words in the order scoring adds their penalties.</summary>
        public NameWord[] NameOrder { get; private set; } = [];

        /// <summary>Every concept of the name, what it implies and the definition: one lookup per concept of a question.</summary>
        public FrozenDictionary<string, Slot> Slots { get; private set; } = FrozenDictionary<string, Slot>.Empty;

        /// <summary>The concepts of <paramref name="query"/> this measure's name holds or implies, as <see cref="MeasureMatch.Covered"/> gives them.</summary>
        public List<string> CoveredBy(string[] query)
        {
            var covered = new List<string>(query.Length);
            foreach (var concept in query)
            {
                if (Slots.TryGetValue(concept, out var slot) && slot.Covered is not null)
                {
                    covered.Add(slot.Covered);
                }
            }

            return covered;
        }

        public void Prepare(FrozenDictionary<string, double> idf, FieldVocabulary vocabulary)
        {
            var names = Name.ToArray();
            NameOrder = [.. names.Select(t => vocabulary.CohortWords.Contains(t)
                ? new NameWord(idf.GetValueOrDefault(t) * UnmatchedCohortPenalty, true, string.Equals(t, vocabulary.DefaultCohort, StringComparison.Ordinal))
                : new NameWord(idf.GetValueOrDefault(t) * UnmatchedPenalty, false, string.Equals(t, vocabulary.DefaultCohort, StringComparison.Ordinal)))];
            var slots = new Dictionary<string, Slot>(StringComparer.Ordinal);
            foreach (var token in Definition)
            {
                slots[token] = new Slot(Place.Definition, -1, null);
            }

            foreach (var (broader, source) in Implied)
            {
                slots[broader] = new Slot(Place.Implied, Array.IndexOf(names, source), $"{broader}:{source}");
            }

            for (var k = 0; k < names.Length; k++)
            {
                slots[names[k]] = new Slot(Place.Name, k, names[k]);
            }

            Slots = slots.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }
}
