using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Conversation;

/// <summary>
/// Reads a member's question deterministically: folds words, corrects typos, rewrites the field's
/// vocabulary, spots the intent from cue phrases, and finds the measures, money lines, contacts,
/// priorities and periods it is about. Everything it knows comes from the snapshot and the vocabulary files.
/// </summary>
internal sealed partial class QuestionInterpreter(FieldVocabulary vocabulary, IntentCues cues, TimeProvider time)
{
    private const double MinimumMeasureScore = 1.0;
    private const double NearTie = 0.9;
    private const double MinimumCoverage = 0.5;
    private const double DistinctiveWeight = 1.9;

    private static readonly ConditionalWeakTable<PprrSnapshot, Catalogue> Catalogues = new();
    private static readonly SearchValues<char> Letters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    private static readonly string[] NumberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    private static readonly FrozenSet<string> PersonTitles = FrozenSet.Create(StringComparer.Ordinal, "councillor", "cllr", "mr", "mrs", "ms", "miss", "dr");

    private static readonly FrozenSet<string> ClauseWords = FrozenSet.Create(StringComparer.Ordinal, "and", "but", "what", "whats", "how", "is", "are", "was", "were", "please");

    private static readonly string[] OrdinalWords = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    public QuestionInterpreter()
        : this(FieldVocabulary.Default, IntentCues.Default, TimeProvider.System)
    {
    }

    /// <summary>With the default vocabulary and the given clock (it decides which meeting is "next").</summary>
    public QuestionInterpreter(TimeProvider time)
        : this(FieldVocabulary.Default, IntentCues.Default, time)
    {
    }

    public Question Interpret(string text, PprrSnapshot snapshot)
    {
        var catalogue = Catalogues.GetValue(snapshot, s => new Catalogue(s, vocabulary, cues));
        var tokens = TextNormaliser.Tokens(text.Contains("SEND", StringComparison.Ordinal) ? SendInCapitals().Replace(text, "SEN") : text);
        var corrected = tokens.Select(catalogue.Speller.Correct).ToList();
        // Cues are looked for in the words as typed and as the vocabulary rewrites them ("out-turn" -> outturn).
        var padded = " " + string.Join(' ', corrected) + " | " + string.Join(' ', vocabulary.Rewrite(corrected)) + " ";

        var period = ReadPeriod(padded, catalogue.Periods, snapshot);
        var codes = MeasureCodes(corrected, snapshot);
        var concepts = MatchingConcepts(WithoutContrasted(corrected, cues.Longest("contrast", padded)));
        var matches = catalogue.Index.Search(concepts);
        // "more than 90%" is a threshold, not a change over time ("are more children...").
        padded = Threshold().Replace(padded, " over ");
        var ratings = ReadRatings(padded);
        // Cue groups more than one rule reads, checked once.
        var summary = cues.Has("summary", padded);
        var brief = cues.Has("brief", padded);
        var benchmark = cues.Has("benchmark", padded);
        // "how are we doing on health and wellbeing": a summary, like a rating, may name a priority by its title alone.
        var priorities = ReadPriorities(corrected, catalogue, snapshot, byTitleAlone: ratings.Count > 0 || summary);
        var question = new Question(Intent.OutOfScope, text) { Period = period, Priorities = priorities, Ratings = ratings };

        var topics = catalogue.Index.TopicWords(corrected);
        var people = catalogue.NamedPeople(tokens);
        // A match must carry at least half of what the question is about, or it is a guess from a leftover word.
        var coverage = matches.Count > 0 ? matches[0].MatchedContent / Math.Max(0.01, catalogue.Index.ContentWeight(concepts, catalogue.IsOtherKnownWord)) : 0;
        if (matches.Count > 0 && coverage < MinimumCoverage)
        {
            // Keep them as suggestions only.
            var cap = MinimumMeasureScore * 0.99;
            matches = matches.Select(m => m with { Matched = Math.Min(m.Matched, cap) }).ToList();
        }

        var hasMeasure = codes.Count > 0 || (matches.Count > 0 && matches[0].Matched >= MinimumMeasureScore);
        // An out-turn is also a measure's year-end figure ("the year end position on apprenticeship starts"): money only
        // when no measure is named, or a money line or service is.
        var money = cues.Has("finance", padded) || catalogue.FinanceConcepts.Overlaps(topics)
            || (cues.Has("outturn", padded) && (!hasMeasure || catalogue.LineWords.Overlaps(topics)));

        if (cues.Has("outOfScope", padded) && codes.Count == 0 && !money)
        {
            return question with { Intent = Intent.OutOfScope };
        }

        // The report holds Stockport's figures and three benchmarks, not another council's own ("GCSE results in
        // Trafford"), and money by budget line, not per pupil ("SEND transport costs per pupil"): say so, never show
        // a figure that answers something else.
        if (codes.Count == 0 && ((cues.Has("elsewhere", padded) && !benchmark) || (money && cues.Has("unitCost", padded))))
        {
            return question with { Intent = Intent.OutOfScope };
        }

        if (cues.Has("contact", padded))
        {
            return question with { Intent = Intent.ContactLookup, Contacts = people.Count > 0 ? people : ChooseContacts(topics, money, codes, matches, catalogue, snapshot) };
        }

        // "When's the next meeting?", "deadline for questions", "what's on at the June meeting": the meeting card. A deadline
        // cue wins over routing's words ("how long have I got to send questions"); a brief ("brief me for the next meeting")
        // and a request to send ("submit a question for the next meeting") keep theirs, and so does a measure's own deadline.
        // An instruction with a deadline ("send my question before the deadline") is still routing; a question about the
        // deadline ("deadline for detailed questions?", "when must questions be in") is not.
        var route = cues.Has("route", padded);
        var deadline = cues.Has("deadline", padded) && (!route || AskingWord().IsMatch(padded) || text.TrimEnd().EndsWith('?'));
        if ((deadline || (cues.Has("meeting", padded) && !route)) && !brief
            && (!hasMeasure || MeetingWord().IsMatch(padded)))
        {
            return question with { Intent = Intent.Meeting, Meeting = ChooseMeeting(padded, period, snapshot) };
        }

        if (route)
        {
            return WithMeasures(question with { Intent = Intent.RouteQuestion, Contacts = ChooseRoutingContacts(text, money, codes, matches, people, snapshot) }, codes, matches, catalogue, money ? 2.5 : 0);
        }

        // A person named with nothing else to look up ("what does Gaynor Ward cover?") asks about that person.
        if (people.Count > 0 && !hasMeasure && !money)
        {
            return question with { Intent = Intent.ContactLookup, Contacts = people };
        }

        if (cues.Has("definition", padded) || IsBareWhatIs(corrected, hasMeasure, codes.Count > 0))
        {
            return WithMeasures(question with { Intent = Intent.Definition }, codes, matches, catalogue, 0);
        }

        if (cues.Has("savings", padded))
        {
            return question with { Intent = Intent.Savings, SavingsPeriod = ChooseMoneyPeriod(snapshot.Savings.Select(s => s.Period), padded, period) };
        }

        // An explicit brief ("brief me on priority 4", "red and amber for the chair") is the chair's brief even with a
        // priority or a rating; another chair's cue with one is the priority's list ("a summary of priority 1") or the
        // rating's list ("before tonight, what's red?").
        var chair = brief || cues.Has("chair", padded);
        if (brief || (chair && ratings.Count == 0 && priorities.Count == 0))
        {
            return question with { Intent = Intent.ChairBrief, Period = period with { Report = period.Report ?? ReportOfNamedMeeting(padded, snapshot) } };
        }

        // Money has no England or North West figure: a measure compared with a benchmark is not a money question
        // ("funded early education take-up compared to England").
        if (money && !(hasMeasure && (codes.Count > 0 || benchmark)))
        {
            return ChooseFinance(question with { Intent = Intent.Finance }, topics, padded, period, catalogue, snapshot);
        }

        if (priorities.Count > 0 && ratings.Count == 0 && (summary || chair || !hasMeasure))
        {
            return question with { Intent = Intent.PrioritySummary };
        }

        // A rating with a priority, or with "which/list" and no single measure, asks for a list.
        // "what's red in SEND": a match on nothing but a priority's own title term is that priority, not a measure.
        var titleOnly = priorities.Count == 0 && codes.Count == 0 && matches.Count > 0
            && matches[0].Covered.All(c => catalogue.TitleTerms.ContainsKey(BaseWord(c)) || vocabulary.UnitWords.Contains(BaseWord(c)));
        var listing = priorities.Count > 0 || titleOnly || (cues.Has("list", padded) && (cues.Has("plural", padded) || !hasMeasure));
        if (ratings.Count > 0 && (listing || !hasMeasure))
        {
            return question with { Intent = Intent.RagFilter, Priorities = priorities.Count > 0 ? priorities : ListedPriorities(topics, catalogue, snapshot) };
        }

        if (!hasMeasure && summary)
        {
            return question with { Intent = Intent.ChairBrief };
        }

        if (!hasMeasure && cues.Has("trend", padded) && (padded.Contains(" since ", StringComparison.Ordinal) || padded.Contains(" report ", StringComparison.Ordinal)))
        {
            return question with { Intent = Intent.ChairBrief, ChangesOnly = true };
        }

        var trendCue = cues.Longest("trend", padded);
        var comparisonCue = cues.Longest("comparison", padded);
        // "better or worse than England" names a benchmark: a comparison, however long the time cue.
        var comparisonIsAboutTime = comparisonCue is not null && trendCue is not null && trendCue.Length >= comparisonCue.Length && !benchmark;
        if (comparisonCue is not null && !comparisonIsAboutTime && hasMeasure)
        {
            return WithMeasures(question with { Intent = Intent.Comparison }, codes, matches, catalogue, 0, preferComparators: true);
        }

        // "why are more kids being re-referred?" asks for the reason: the measure card holds the trend and the officers'
        // commentary, the trend card only the figures.
        if (trendCue is not null && hasMeasure && !cues.Has("reason", padded))
        {
            return WithMeasures(question with { Intent = Intent.Trend }, codes, matches, catalogue, 0);
        }

        if (hasMeasure)
        {
            return WithMeasures(question with { Intent = Intent.MeasureLookup }, codes, matches, catalogue, 0);
        }

        if (cues.Has("help", padded) || concepts.Count == 0)
        {
            return question with { Intent = Intent.Help };
        }

        // Nothing fits. Say so, and suggest the closest measures when the question was about the portfolio at all.
        var suggestions = cues.Has("outOfScope", padded) ? [] : matches.Take(3).Select(m => m.Measure).ToList();
        return question with { Intent = Intent.OutOfScope, Suggestions = suggestions, Confidence = suggestions.Count > 0 ? 0.3 : 0.9 };
    }

    /// <summary>
    /// The priorities a rating list with no priority named covers: the one whose title holds a field term of the question
    /// that only its measures use ("what's red in SEND"), else all.
    /// </summary>
    private static List<int> ListedPriorities(List<string> topics, Catalogue catalogue, PprrSnapshot snapshot)
    {
        var named = topics.Where(catalogue.TitleTerms.ContainsKey).Select(t => catalogue.TitleTerms[t]).Distinct().ToList();
        return named.Count == 1 ? named : snapshot.Priorities.Select(p => p.Number).ToList();
    }

    /// <summary>
    /// The words without what the member sets aside ("SEN pupils rather than all pupils", "primary only, not secondary"):
    /// the contrast cue and up to four words after it, to the next clause word.
    /// </summary>
    private static List<string> WithoutContrasted(List<string> corrected, string? cue)
    {
        if (cue is null)
        {
            return corrected;
        }

        var words = cue.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + words.Length <= corrected.Count; i++)
        {
            if (!corrected.Skip(i).Take(words.Length).SequenceEqual(words, StringComparer.Ordinal))
            {
                continue;
            }

            var end = i + words.Length;
            while (end < corrected.Count && end < i + words.Length + 4 && !ClauseWords.Contains(corrected[end]))
            {
                end++;
            }

            return [.. corrected[..i], .. corrected[end..]];
        }

        return corrected;
    }

    /// <summary>The concepts that can pick a measure: vocabulary rewritten, stopwords and period words gone.</summary>
    private List<string> MatchingConcepts(List<string> corrected) =>
        MeasureIndex.DistinctKeeping(vocabulary.Concepts(corrected), t => !PeriodWord().IsMatch(t));

    private Question WithMeasures(Question question, List<MeasureView> codes, List<MeasureMatch> matches, Catalogue catalogue, double minimumScore, bool preferComparators = false)
    {
        // A code named outright is taken as asked; the rest of the question may name more measures.
        matches = matches.Where(m => !codes.Contains(m.Measure)).ToList();
        if (preferComparators)
        {
            // Counts have no benchmark: for a comparison, the rate beside a count is the measure meant.
            static bool HasComparators(MeasureMatch m) => m.Measure.Results.Any(r => r.England is not null);
            if (matches.Count > 0 && !HasComparators(matches[0]))
            {
                var core = catalogue.Index.Core(matches[0].Measure);
                var benchmarked = matches.FirstOrDefault(m => HasComparators(m) && catalogue.Index.Core(m.Measure).SetEquals(core));
                if (benchmarked is not null)
                {
                    matches = [benchmarked with { Score = matches[0].Score, Matched = matches[0].Matched }, .. matches.Where(m => m != benchmarked && HasComparators(m))];
                }
            }
            else
            {
                matches = [.. matches.Where(HasComparators)];
            }
        }

        var threshold = Math.Max(MinimumMeasureScore, minimumScore);
        if (matches.Count == 0 || matches[0].Matched < threshold)
        {
            return codes.Count > 0
                ? question with { Measures = codes.Distinct().ToList() }
                : question with { Suggestions = matches.Take(3).Select(m => m.Measure).ToList(), Confidence = matches.Count > 0 ? 0.3 : 1.0 };
        }

        // "KS2 for disadvantaged": what is measured comes before for whom. A best match sharing only the cohort gives way to
        // one sharing the topic, and measures sharing only the cohort drop out.
        if (CoversOnlyCohort(matches[0]) && matches.FirstOrDefault(m => m.Matched >= threshold && !CoversOnlyCohort(m)) is { } topical)
        {
            matches = [topical, .. matches.Where(m => m != topical && !CoversOnlyCohort(m))];
        }

        var best = matches[0];
        var chosen = new List<MeasureMatch> { best };
        // "sen:ehc_plan" covers SEN through EHC plans; "sen:sen_support" is another part of SEN.
        var covered = new HashSet<string>(best.Covered, StringComparer.Ordinal);
        var bestCore = catalogue.Index.Core(best.Measure);
        var queryUnits = question.Text.Length > 0 ? UnitWordsIn(best, catalogue) : [];

        foreach (var candidate in matches.Skip(1).Where(m => m.Matched >= Math.Max(MinimumMeasureScore, best.Matched * 0.5)).Take(12))
        {
            // "sen:ehc_plan" adds nothing when SEN itself is already covered.
            var adds = candidate.Covered.Where(k => !covered.Contains(k) && !covered.Contains(BaseWord(k))).ToList();
            if ((adds.Count > 0 && Distinctive(adds, catalogue) && (!OnlyCohorts(adds) || SharesTopic(candidate, best, catalogue)))
                || IsSibling(candidate, best, bestCore, queryUnits, catalogue)
                || IsCohortSibling(candidate, best, catalogue))
            {
                chosen.Add(candidate);
                covered.UnionWith(adds);
            }

            if (chosen.Count == 4)
            {
                break;
            }
        }

        if (chosen.Count == 1 && codes.Count == 0)
        {
            var rivals = matches.Skip(1).TakeWhile(m => m.Score >= best.Score * NearTie).Take(2).ToList();
            if (rivals.Count > 0)
            {
                return question with
                {
                    Alternatives = [best.Measure, .. rivals.Select(r => r.Measure)],
                    Confidence = 0.5,
                };
            }
        }

        var confidence = Math.Min(1.0, best.Score / 3.0);
        return question with { Measures = [.. codes.Distinct(), .. chosen.Select(c => c.Measure)], Confidence = confidence };
    }

    /// <summary>
    /// The same measure for another cohort, fitting just as well because the member named no cohort
    /// ("obesity": Year 6 and Reception alike).
    /// </summary>
    private bool IsCohortSibling(MeasureMatch candidate, MeasureMatch best, Catalogue catalogue)
    {
        // Only when no whole-population version fits: "KS2" is all pupils, "obesity" is Year 6 and Reception.
        var bestName = catalogue.Index.Core(best.Measure);
        return !bestName.Contains(vocabulary.DefaultCohort)
            && !best.Covered.Any(c => vocabulary.CohortWords.Contains(BaseWord(c)))
            && candidate.Covered.ToHashSet().SetEquals(best.Covered)
            && catalogue.Index.Core(candidate.Measure, withoutCohort: true).SetEquals(catalogue.Index.Core(best.Measure, withoutCohort: true));
    }

    /// <summary>The unit words the question used that the best measure matched (rate, %, number).</summary>
    private HashSet<string> UnitWordsIn(MeasureMatch best, Catalogue catalogue)
    {
        _ = catalogue;
        return best.Covered.Select(c => BaseWord(c)).Where(vocabulary.UnitWords.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The same thing counted another way (the number of looked after children and their rate per 10,000):
    /// shown together unless the member asked for one unit ("the LAC rate").
    /// </summary>
    private bool IsSibling(MeasureMatch candidate, MeasureMatch best, IReadOnlySet<string> bestCore, HashSet<string> queryUnits, Catalogue catalogue)
    {
        if (!catalogue.Index.Core(candidate.Measure).SetEquals(bestCore))
        {
            return false;
        }

        var preciseUnits = queryUnits.Where(u => !vocabulary.LooseUnitWords.Contains(u));
        if (preciseUnits.Any(u => !candidate.Covered.Any(c => BaseWord(c) == u)))
        {
            return false;
        }

        var content = best.Covered.Where(c => !vocabulary.UnitWords.Contains(BaseWord(c)));
        return content.All(candidate.Covered.Contains);
    }

    /// <summary>A covered concept's own word: "sen:ehc_plan" (SEN, covered through an EHC plan) is "sen".</summary>
    private static string BaseWord(string concept) => concept.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0 ? concept[..colon] : concept;

    private bool OnlyCohorts(List<string> adds) => adds.All(a => vocabulary.CohortWords.Contains(BaseWord(a)));

    /// <summary>Whether a match shares nothing with the question but a cohort (and how it is counted).</summary>
    private bool CoversOnlyCohort(MeasureMatch match) =>
        match.Covered.All(c => BaseWord(c) is var w && (vocabulary.CohortWords.Contains(w) || vocabulary.UnitWords.Contains(w) || vocabulary.FunctionWords.Contains(w)));

    /// <summary>
    /// Whether a measure that adds only a cohort is about the same thing as the best match: "exclusions for pupils with
    /// SEN" is the exclusion measures, not Attainment 8 for pupils with SEN; "Attainment 8 for all, disadvantaged and SEN
    /// pupils" is three Attainment 8 measures.
    /// </summary>
    private bool SharesTopic(MeasureMatch candidate, MeasureMatch best, Catalogue catalogue)
    {
        var bestTopics = best.Covered.Select(BaseWord).Where(c => !vocabulary.CohortWords.Contains(c) && !vocabulary.UnitWords.Contains(c)).ToHashSet(StringComparer.Ordinal);
        var shared = candidate.Covered.Select(BaseWord).Where(bestTopics.Contains).Distinct(StringComparer.Ordinal);
        return shared.Sum(catalogue.Index.Idf) >= DistinctiveWeight;
    }

    /// <summary>A second measure joins the answer only for a word of the question that the first did not cover.</summary>
    private bool Distinctive(List<string> adds, Catalogue catalogue)
    {
        // How a thing is counted (number, rate, %) never justifies a second measure; what is counted may.
        // Nor does a chatty word ("residents in my ward"), even when a measure's name uses it.
        var content = adds.Where(a => !vocabulary.UnitWords.Contains(BaseWord(a)) && !vocabulary.FunctionWords.Contains(BaseWord(a))).ToList();
        // A cohort the member named ("and pupils with SEN") is always a deliberate ask.
        return content.Sum(a => catalogue.Index.Idf(BaseWord(a))) >= DistinctiveWeight
            || content.Any(a => a.Contains(':', StringComparison.Ordinal) || vocabulary.CohortWords.Contains(a));
    }

    private static bool IsBareWhatIs(List<string> tokens, bool hasMeasure, bool hasCode)
    {
        // "what is persistent absence?" asks for a definition; "what is the persistent absence rate?" for a figure.
        if (!hasMeasure || hasCode || tokens.Count < 3 || tokens[0] != "what" || tokens[1] is not ("is" or "are"))
        {
            return false;
        }

        var rest = tokens.Skip(2).ToList();
        string[] figureWords = ["the", "our", "current", "latest", "rate", "figure", "percent", "%", "level", "score", "number", "value", "result", "position", "stockport", "total"];
        return !rest.Any(t => figureWords.Contains(t) || PeriodWord().IsMatch(t)) && rest.Count <= 6;
    }

    private static List<Rag> ReadRatings(string padded)
    {
        var ratings = new List<Rag>();
        // "not on target" is Red and Amber, not Green.
        var notOn = padded.Contains(" not on target ", StringComparison.Ordinal) || padded.Contains(" not on track ", StringComparison.Ordinal);
        if (notOn || padded.Contains(" red ", StringComparison.Ordinal) || padded.Contains(" off track ", StringComparison.Ordinal)
            || padded.Contains(" off target ", StringComparison.Ordinal) || padded.Contains(" failing ", StringComparison.Ordinal))
        {
            ratings.Add(Rag.Red);
        }

        if (notOn || padded.Contains(" amber ", StringComparison.Ordinal) || padded.Contains(" off track ", StringComparison.Ordinal)
            || padded.Contains(" off target ", StringComparison.Ordinal))
        {
            ratings.Add(Rag.Amber);
        }

        if (padded.Contains(" green ", StringComparison.Ordinal) || (!notOn && (padded.Contains(" on track ", StringComparison.Ordinal)
            || padded.Contains(" on target ", StringComparison.Ordinal))))
        {
            ratings.Add(Rag.Green);
        }

        return ratings.Distinct().ToList();
    }

    /// <param name="byTitleAlone">A priority may be named by its title without the word "priority" ("what's green in
    /// best start in life"): only when the question asks for a rating or a summary, and only by most of the title's words.</param>
    private static List<int> ReadPriorities(List<string> tokens, Catalogue catalogue, PprrSnapshot snapshot, bool byTitleAlone)
    {
        var found = new List<int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length == 2 && token[0] == 'p' && char.IsDigit(token[1]))
            {
                found.Add(token[1] - '0');
            }

            if (token == "priority")
            {
                if (i + 1 < tokens.Count && Number(tokens[i + 1]) is int after)
                {
                    found.Add(after);
                }
                else if (i > 0 && Ordinal(tokens[i - 1]) is int before)
                {
                    found.Add(before);
                }
            }
        }

        var named = tokens.Contains("priority");
        if (found.Count == 0 && (named || byTitleAlone))
        {
            // "the health and wellbeing priority", "the SEND priority": a priority named by its title. Without the
            // word "priority", at least two of the title's words and most of them.
            var topics = catalogue.Index.TopicWords(tokens).Where(t => t != "priority").ToHashSet(StringComparer.Ordinal);
            var best = catalogue.PriorityTopics
                .Select(p => (p.Number, Shared: p.Topics.Count(topics.Contains), p.Topics.Count))
                .Where(x => named ? x.Shared > 0 : x.Shared >= 2 && x.Shared * 5 >= x.Count * 3)
                .OrderByDescending(x => x.Shared)
                .ToList();
            if (best.Count > 0 && (best.Count == 1 || best[0].Shared > best[1].Shared))
            {
                found.Add(best[0].Number);
            }
        }

        return found.Count == 0 ? found : found.Where(n => snapshot.Priorities.Any(p => p.Number == n)).Distinct().ToList();
    }

    private static int? Number(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : Array.IndexOf(NumberWords, token) is var w and > 0 ? w
        : null;

    private static int? Ordinal(string token) => Array.IndexOf(OrdinalWords, token) is var o and > 0 ? o : null;

    private static PeriodChoice ReadPeriod(string padded, IReadOnlyList<string> periods, PprrSnapshot snapshot)
    {
        string? report = null;
        string? period = null;

        foreach (Match match in PeriodText().Matches(padded))
        {
            var start = int.Parse(match.Groups["a"].Value, CultureInfo.InvariantCulture);
            var label = $"{(start < 100 ? 2000 + start : start)}/{match.Groups["b"].Value[^2..]}";
            var quarter = match.Groups["q"].Success ? $" Q{match.Groups["q"].Value}" : "";
            period = periods.FirstOrDefault(p => string.Equals(p, label + quarter, StringComparison.OrdinalIgnoreCase))
                ?? periods.FirstOrDefault(p => string.Equals(p, label, StringComparison.OrdinalIgnoreCase))
                ?? label + quarter;
        }

        var reports = snapshot.Reports;
        string? ReportLike(string word) => reports.LastOrDefault(r => r.Contains(word, StringComparison.OrdinalIgnoreCase));

        report = ReportKind(padded) switch
        {
            null => null,
            "Annual" when period is not null =>
                reports.FirstOrDefault(r => r.Contains("Annual", StringComparison.OrdinalIgnoreCase) && r.Contains(period, StringComparison.OrdinalIgnoreCase)) ?? ReportLike("Annual"),
            var kind => ReportLike(kind),
        };

        var previousYear = padded.Contains(" last year ", StringComparison.Ordinal) || padded.Contains(" previous year ", StringComparison.Ordinal)
            || padded.Contains(" year before ", StringComparison.Ordinal);
        return new PeriodChoice(report, period, previousYear && period is null && report is null);
    }

    /// <summary>The kind of report a question names, as report names spell it: "Mid-Year", "Third Quarter", "Annual" or "Agreement".</summary>
    private static string? ReportKind(string padded)
    {
        if (padded.Contains(" mid year ", StringComparison.Ordinal) || padded.Contains(" midyear ", StringComparison.Ordinal)
            || padded.Contains(" half year ", StringComparison.Ordinal) || padded.Contains(" q2 ", StringComparison.Ordinal)
            || padded.Contains(" quarter 2 ", StringComparison.Ordinal) || padded.Contains(" quarter two ", StringComparison.Ordinal)
            || padded.Contains(" second quarter ", StringComparison.Ordinal))
        {
            return "Mid-Year";
        }

        if (padded.Contains(" q3 ", StringComparison.Ordinal) || padded.Contains(" third quarter ", StringComparison.Ordinal)
            || padded.Contains(" quarter 3 ", StringComparison.Ordinal))
        {
            return "Third Quarter";
        }

        if (padded.Contains(" annual ", StringComparison.Ordinal) || padded.Contains(" year end ", StringComparison.Ordinal)
            || padded.Contains(" yearend ", StringComparison.Ordinal) || padded.Contains(" end of year ", StringComparison.Ordinal))
        {
            return "Annual";
        }

        return padded.Contains(" agreement ", StringComparison.Ordinal) || padded.Contains(" ppra ", StringComparison.Ordinal) ? "Agreement" : null;
    }

    /// <summary>"the meeting on 9 December": the report that meeting considered.</summary>
    private static string? ReportOfNamedMeeting(string padded, PprrSnapshot snapshot) =>
        MeetingOnNamedDay(padded, snapshot) is { } meeting
            ? snapshot.Reports.FirstOrDefault(r => string.Equals(r, meeting.Report, StringComparison.OrdinalIgnoreCase))
            : null;

    /// <summary>"9 December", "December 9": the meeting held that day.</summary>
    private static Meeting? MeetingOnNamedDay(string padded, PprrSnapshot snapshot)
    {
        foreach (var meeting in snapshot.Meetings)
        {
            var day = meeting.Date.Day.ToString(CultureInfo.InvariantCulture);
            var month = MonthWord(meeting.Date);
            if (padded.Contains($" {day} {month} ", StringComparison.Ordinal) || padded.Contains($" {month} {day} ", StringComparison.Ordinal))
            {
                return meeting;
            }
        }

        return null;
    }

    /// <summary>
    /// The meeting a meeting question is about: one named by day, by month ("the June meeting": the next such, else the
    /// latest), by its report ("the mid-year report meeting", "the agreement"), else the next from today, as the chair's
    /// brief chooses it (the latest when none is ahead). A handful of meetings: plain scans.
    /// </summary>
    private Meeting? ChooseMeeting(string padded, PeriodChoice period, PprrSnapshot snapshot)
    {
        if (MeetingOnNamedDay(padded, snapshot) is { } onDay)
        {
            return onDay;
        }

        var today = DeadlineCalculator.UkDate(time.GetUtcNow());
        var inMonth = snapshot.Meetings.Where(m => padded.Contains($" {MonthWord(m.Date)} ", StringComparison.Ordinal)).ToList();
        if (inMonth.Count > 0)
        {
            return ChairSummaryBuilder.NextOrLatest(inMonth, today);
        }

        // By its report: the meetings whose item names the kind of report (and the period, when one is named).
        if (ReportKind(padded) is { } kind)
        {
            var considering = snapshot.Meetings
                .Where(m => m.Item.Contains(kind, StringComparison.OrdinalIgnoreCase) || m.Report.Contains(kind, StringComparison.OrdinalIgnoreCase))
                .Where(m => period.Period is null || m.Report.Contains(period.Period, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (considering.Count > 0)
            {
                return ChairSummaryBuilder.NextOrLatest(considering, today);
            }
        }

        return ChairSummaryBuilder.NextOrLatest(snapshot.Meetings, today);
    }

    private static string MonthWord(DateOnly date) => date.ToString("MMMM", CultureInfo.InvariantCulture).ToLowerInvariant();

    private static string? ChooseMoneyPeriod(IEnumerable<string> available, string padded, PeriodChoice period)
    {
        var periods = available.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (periods.Count == 0)
        {
            return null;
        }

        if (period.Period is not null)
        {
            return periods.FirstOrDefault(p => p.StartsWith(period.Period, StringComparison.OrdinalIgnoreCase)) ?? periods[^1];
        }

        var pastYear = period.PreviousYear || (period.Report?.Contains("Annual", StringComparison.OrdinalIgnoreCase) ?? false)
            || padded.Contains(" outturn ", StringComparison.Ordinal) && !padded.Contains(" forecast ", StringComparison.Ordinal);
        return pastYear && periods.Count > 1 ? periods[^2] : periods[^1];
    }

    private static Question ChooseFinance(Question question, List<string> concepts, string padded, PeriodChoice period, Catalogue catalogue, PprrSnapshot snapshot)
    {
        var financePeriod = ChooseMoneyPeriod(snapshot.Finance.Select(f => f.Period), padded, period);
        var lines = snapshot.Finance.Where(f => string.Equals(f.Period, financePeriod, StringComparison.OrdinalIgnoreCase)).ToList();

        var scored = lines
            .Where(l => !l.IsPortfolioTotal)
            .Select(l => (Line: l, Score: catalogue.LineConcepts(l).Intersect(concepts).Sum(c => catalogue.FinanceIdf(c))))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();

        if (scored.Count > 0)
        {
            var top = scored[0].Score;
            var best = scored.Where(x => x.Score >= top * 0.999).Select(x => x.Line).ToList();
            var lineWords = best.Any(l => catalogue.LineOnlyConcepts(l).Intersect(concepts).Any());
            if (lineWords)
            {
                return question with { FinanceLines = best.Where(l => catalogue.LineOnlyConcepts(l).Intersect(concepts).Any()).ToList(), FinancePeriod = financePeriod };
            }

            var service = best[0].Service;
            return question with { FinanceService = service, FinanceLines = lines.Where(l => l.Service == service).ToList(), FinancePeriod = financePeriod };
        }

        var total = lines.Where(l => l.IsPortfolioTotal).ToList();
        return question with { FinanceLines = total, FinanceService = FinanceLine.PortfolioTotalService, FinancePeriod = financePeriod };
    }

    /// <summary>
    /// The officer a question to route goes to, then Democratic Services (copied on every routed question). The choice
    /// itself is routing's (<see cref="OfficerChooser"/>): the measure's owner, else the contacts' areas.
    /// </summary>
    private static List<Contact> ChooseRoutingContacts(string text, bool money, List<MeasureView> codes, List<MeasureMatch> matches, List<Contact> people, PprrSnapshot snapshot)
    {
        var measure = money ? null : codes.FirstOrDefault() ?? (matches.Count > 0 && matches[0].Score >= MinimumMeasureScore ? matches[0].Measure : null);
        var start = RouteRequestText.TryParse(text) ?? new RouteStart(text);
        // An officer named by name ("ask Gill Dixon ...") is the one asked, as one named by role is.
        var named = people.Count == 1 ? people[0].Role : null;
        var result = new List<Contact> { OfficerChooser.Choose(snapshot, measure?.Measure.OwnerRole, $"{start.OfficerHint} {start.QuestionText}", named).Officer };
        if (snapshot.ContactForRole(Contact.DemocraticServicesRole) is { } democraticServices)
        {
            result.Add(democraticServices);
        }

        return result;
    }

    private static List<Contact> ChooseContacts(List<string> concepts, bool money, List<MeasureView> codes, List<MeasureMatch> matches, Catalogue catalogue, PprrSnapshot snapshot)
    {
        var scored = snapshot.Contacts
            .Select(c => (Contact: c, Score: catalogue.ContactConcepts(c).Intersect(concepts).Sum(catalogue.ContactIdf)))
            .OrderByDescending(x => x.Score)
            .ToList();

        Contact? chosen = null;
        if (!money)
        {
            var measure = codes.FirstOrDefault() ?? (matches.Count > 0 && matches[0].Score >= MinimumMeasureScore ? matches[0].Measure : null);
            if (measure is not null)
            {
                chosen = snapshot.ContactForRole(measure.Measure.OwnerRole);
            }
        }

        if (chosen is null && scored.Count > 0 && scored[0].Score > 0)
        {
            chosen = scored[0].Contact;
        }

        return chosen is null ? [] : [chosen];
    }

    /// <summary>Codes as typed: "CFE21", "cfe 21", "CFE-21", "cfe8".</summary>
    private static List<MeasureView> MeasureCodes(List<string> tokens, PprrSnapshot snapshot)
    {
        var found = new List<MeasureView>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (snapshot.Measure(token) is { } direct)
            {
                found.Add(direct);
                continue;
            }

            // A code typed with its number unpadded ("cfe8"): two to five letters, then digits.
            var letters = token.AsSpan().IndexOfAnyExcept(Letters) is var end and >= 0 ? end : token.Length;
            if (letters is >= 2 and <= 5 && letters < token.Length && !token.AsSpan(letters).ContainsAnyExceptInRange('0', '9'))
            {
                if (snapshot.Measure(token[..letters] + token[letters..].PadLeft(2, '0')) is { } padded)
                {
                    found.Add(padded);
                }
            }
            else if (letters == token.Length && letters is >= 2 and <= 5 && i + 1 < tokens.Count && tokens[i + 1].All(char.IsDigit) && tokens[i + 1].Length <= 4)
            {
                if ((snapshot.Measure(token + tokens[i + 1]) ?? snapshot.Measure(token + tokens[i + 1].PadLeft(2, '0'))) is { } joined)
                {
                    found.Add(joined);
                    i++;
                }
            }
        }

        return found.Distinct().ToList();
    }

    [GeneratedRegex(@"^ (?:when|whens|how|what|whats|is there|by when|deadline|the deadline) ")]
    private static partial Regex AskingWord();

    [GeneratedRegex(@" (?:meeting|committee|agenda|scrutiny) ")]
    private static partial Regex MeetingWord();

    [GeneratedRegex(@" (?:more|less|fewer|higher|lower|greater|bigger|smaller) than (?=\d)")]
    private static partial Regex Threshold();

    [GeneratedRegex(@"\bSEND\b")]
    private static partial Regex SendInCapitals();

    [GeneratedRegex(@"^(19|20)\d\d$|^\d\d$")]
    private static partial Regex PeriodWord();

    [GeneratedRegex(@" (?<a>(?:19|20)?\d\d) (?<b>(?:19|20)?\d\d)(?: q ?(?<q>[1-4]))? ")]
    private static partial Regex PeriodText();

    /// <summary>Per-snapshot lookups: the measure index, spelling and the concept sets of money lines and contacts.</summary>
    private sealed class Catalogue
    {
        private readonly Dictionary<FinanceLine, HashSet<string>> _lineConcepts = [];
        private readonly Dictionary<FinanceLine, HashSet<string>> _lineOnlyConcepts = [];
        private readonly Dictionary<Contact, HashSet<string>> _contactConcepts = [];
        private readonly Dictionary<string, double> _financeIdf;
        private readonly Dictionary<string, double> _contactIdf;
        private readonly HashSet<string> _otherKnownWords;
        private readonly List<(Contact Contact, List<string> Name)> _people;

        public Catalogue(PprrSnapshot snapshot, FieldVocabulary vocabulary, IntentCues cues)
        {
            Index = new MeasureIndex(snapshot, vocabulary);
            Periods = snapshot.Measures.SelectMany(m => m.Results).Select(r => r.Period).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            PriorityTopics = [.. snapshot.Priorities.Select(p => (p.Number, Index.TopicWords(p.Title)))];
            foreach (var line in snapshot.Finance)
            {
                // Grammar and period words do not name a line: "this year" is not the early years lines.
                _lineOnlyConcepts[line] = [.. Index.TopicWords(line.Line).Where(c => !vocabulary.Stopwords.Contains(c))];
                _lineConcepts[line] = [.. Index.TopicWords(line.Line + " " + line.Service).Where(c => !vocabulary.Stopwords.Contains(c))];
            }

            foreach (var contact in snapshot.Contacts)
            {
                _contactConcepts[contact] = [.. Index.TopicWords(contact.Areas.Replace(';', ' ') + " " + contact.Role)];
            }

            LineWords = [.. _lineConcepts.Values.SelectMany(s => s)];
            _people = [.. snapshot.Contacts.Select(c => (Contact: c, Name: PersonName(c))).Where(p => p.Name.Count >= 2)];

            // A field term of a priority's title that only that priority's measures use names the priority ("SEND").
            var users = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
            foreach (var measure in snapshot.Measures)
            {
                foreach (var term in Index.TopicWords(measure.Name))
                {
                    (users.TryGetValue(term, out var set) ? set : users[term] = []).Add(measure.Priority.Number);
                }
            }

            TitleTerms = PriorityTopics
                .SelectMany(p => p.Topics.Where(t => vocabulary.ConceptTokens.Contains(t) && users.TryGetValue(t, out var u) && u.SetEquals([p.Number])).Select(t => (Term: t, p.Number)))
                .GroupBy(x => x.Term, StringComparer.Ordinal)
                .Where(g => g.Count() == 1)
                .ToDictionary(g => g.Key, g => g.First().Number, StringComparer.Ordinal);

            // Words only money lines use (transport, high needs block): they make a question about money on their own.
            FinanceConcepts = [.. _lineOnlyConcepts.Values.SelectMany(s => s).Where(c => !Index.Knows(c) && !vocabulary.Stopwords.Contains(c))];
            _financeIdf = Idf(_lineConcepts.Values);
            _contactIdf = Idf(_contactConcepts.Values);

            // The words of the data besides the measures' (money lines, contacts, priority titles, people), tokenised once
            // for both the speller and the known-word test.
            List<string> dataWords = [.. snapshot.Finance.SelectMany(f => TextNormaliser.Tokens(f.Line + " " + f.Service)),
                .. snapshot.Contacts.SelectMany(c => TextNormaliser.Tokens(c.Areas + " " + c.Role)),
                .. snapshot.Priorities.SelectMany(p => TextNormaliser.Tokens(p.Title)),
                .. _people.SelectMany(p => p.Name)];
            var words = vocabulary.KnownWords
                .Concat(cues.Words)
                .Concat(snapshot.Measures.SelectMany(m => TextNormaliser.Tokens(m.Name + " " + m.Measure.Definition)))
                .Concat(dataWords)
                .Concat(NumberWords)
                .Concat(OrdinalWords);
            _otherKnownWords = [.. vocabulary.KnownWords, .. cues.Words, .. NumberWords, .. OrdinalWords, .. dataWords];
            var frequency = snapshot.Measures.SelectMany(m => TextNormaliser.Tokens(m.Name)).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
            Speller = new SpellingCorrector(words, frequency);
        }

        public MeasureIndex Index { get; }

        /// <summary>Every period label the data holds, for reading "2019/20" in a question.</summary>
        public IReadOnlyList<string> Periods { get; }

        /// <summary>Each priority's number and the topic words of its title ("the SEND priority").</summary>
        public IReadOnlyList<(int Number, List<string> Topics)> PriorityTopics { get; }

        /// <summary>A word the bot understands even though no measure uses it (money lines, contacts, cues).</summary>
        public bool IsOtherKnownWord(string word) => _otherKnownWords.Contains(word);

        public SpellingCorrector Speller { get; }

        /// <summary>Every concept of a money line or its service.</summary>
        public HashSet<string> LineWords { get; }

        /// <summary>Field terms of a priority's title that only its measures use, with the priority's number.</summary>
        public Dictionary<string, int> TitleTerms { get; }

        /// <summary>Concepts that only money lines use (placements, transport, high needs block...).</summary>
        public HashSet<string> FinanceConcepts { get; }

        public HashSet<string> LineConcepts(FinanceLine line) => _lineConcepts[line];

        public HashSet<string> LineOnlyConcepts(FinanceLine line) => _lineOnlyConcepts[line];

        public HashSet<string> ContactConcepts(Contact contact) => _contactConcepts[contact];

        public double FinanceIdf(string concept) => _financeIdf.GetValueOrDefault(concept);

        public double ContactIdf(string concept) => _contactIdf.GetValueOrDefault(concept);

        /// <summary>
        /// The people a question names (as typed, not spell-corrected): first name and surname, a title and surname
        /// ("Cllr Foster"), or a first name alone. Never a surname alone: "ward" and "foster" are words of the field.
        /// </summary>
        public List<Contact> NamedPeople(List<string> tokens)
        {
            var named = new List<Contact>();
            foreach (var (contact, name) in _people)
            {
                for (var i = 0; i < tokens.Count; i++)
                {
                    var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
                    var byFirstName = tokens[i] == name[0] && !Index.Knows(name[0]);
                    var byTitle = PersonTitles.Contains(tokens[i]) && next == name[^1];
                    if (byFirstName || byTitle)
                    {
                        named.Add(contact);
                        break;
                    }
                }
            }

            return named;
        }

        /// <summary>A contact's personal name without titles; empty when the name is the office's ("Democratic Services").</summary>
        private static List<string> PersonName(Contact contact)
        {
            var role = TextNormaliser.Tokens(contact.Role);
            var name = TextNormaliser.Tokens(contact.Name).Where(t => !PersonTitles.Contains(t)).ToList();
            return name.All(role.Contains) ? [] : name;
        }

        private static Dictionary<string, double> Idf(IEnumerable<HashSet<string>> documents)
        {
            var list = documents.ToList();
            return list.SelectMany(d => d).GroupBy(c => c, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Math.Log(1.0 + (list.Count / (double)g.Count())), StringComparer.Ordinal);
        }
    }
}
