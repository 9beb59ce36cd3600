using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PprrBot.Data.Contacts;
using PprrBot.Data.ReadModel;

namespace PprrBot.Routing;

public enum OfficerChoiceBasis
{
    /// <summary>The measure's (or finance line's) owner role.</summary>
    Owner,

    /// <summary>The question's words matched the contact's areas best.</summary>
    Topic,

    /// <summary>Nothing matched: a question about the report's figures goes to the performance officer.</summary>
    Default,

    /// <summary>Already chosen: by the reading of a typed question, or by the card the member pressed.</summary>
    Named,
}

/// <summary>Who a question goes to, why, and the others the member may pick instead.</summary>
/// <param name="Topic">The officer's area (from the contacts data) the question matched best, used to find earlier answers on the same topic.</param>
public sealed record OfficerChoice(Contact Officer, OfficerChoiceBasis Basis, IReadOnlyList<Contact> Candidates, string? Topic = null);

/// <summary>
/// Chooses the answering officer: the owner role when the question is about a measure, else the contact whose
/// areas (from the contacts data) share the most distinctive words with the question. A word's weight is
/// 1 / (number of contacts using it), so "finance" alone splits evenly between the two finance officers and the
/// topic words ("placements", "high needs", "transport") decide.
/// </summary>
internal static partial class OfficerChooser
{
    // Words that say how to route, not what the question is about.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "for", "in", "on", "at", "by", "about", "with", "from", "is", "are",
        "was", "were", "be", "why", "what", "how", "when", "who", "which", "did", "do", "does", "has", "have", "this",
        "that", "it", "its", "i", "i'd", "i'm", "me", "my", "we", "our", "you", "please", "could", "would", "like",
        "ask", "send", "pass", "put", "question", "questions", "officer", "officers", "relevant", "advance", "before",
        "meeting", "manager", "css", "specialist", "there", "being", "behind", "driving",
    };

    // Abbreviations members use that the areas spell out.
    private static readonly Dictionary<string, string[]> Expansions = new(StringComparer.Ordinal)
    {
        ["cp"] = ["child", "protection"],
        ["lac"] = ["looked", "after", "children"],
        ["cla"] = ["looked", "after", "children"],
        ["ehcp"] = ["ehc", "plans"],
        ["ehcps"] = ["ehc", "plans"],
        ["overspend"] = ["variance"],
        ["overspent"] = ["variance"],
        ["underspend"] = ["variance"],
        ["underspent"] = ["variance"],
        ["deficit"] = ["variance"],
        ["spending"] = ["budget"],
        ["spend"] = ["budget"],
        ["cost"] = ["budget"],
        ["costs"] = ["budget"],
        ["money"] = ["budget"],
        ["outturn"] = ["out-turn"],
        ["schools"] = ["school"],
    };

    // The contacts' words depend only on the snapshot: worked out once per snapshot, not per question.
    private static readonly ConditionalWeakTable<PprrSnapshot, ContactWords> WordsBySnapshot = new();

    public static OfficerChoice Choose(PprrSnapshot snapshot, string? ownerRole, string questionText, string? namedRole = null)
    {
        var contactWords = WordsBySnapshot.GetValue(snapshot, s => new ContactWords(s));
        var candidates = contactWords.Candidates;
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("The contacts data names no officer who answers questions.");
        }

        if (namedRole is not null && candidates.FirstOrDefault(c => SameRole(c.Role, namedRole)) is { } named)
        {
            return new OfficerChoice(named, OfficerChoiceBasis.Named, candidates, BestArea(contactWords, named, QuestionWords(questionText)));
        }

        if (ownerRole is not null && snapshot.ContactForRole(ownerRole) is { } owner)
        {
            return new OfficerChoice(owner, OfficerChoiceBasis.Owner, candidates);
        }

        // The question's words, once: scoring and the best area both use them.
        var words = QuestionWords(questionText);
        var scored = Score(contactWords, words);
        if (scored.Count > 0 && (scored.Count == 1 || scored[0].Score > scored[1].Score))
        {
            return new OfficerChoice(scored[0].Contact, OfficerChoiceBasis.Topic, candidates, BestArea(contactWords, scored[0].Contact, words));
        }

        // Nothing matched, or a tie ("the finance officer" alone): performance when it is in the running, else the
        // first of the tied; the member sees the choice on the card and can change it.
        var performance = snapshot.ContactForRole(Contact.PerformanceRole);
        var tied = scored.TakeWhile(s => s.Score == scored[0].Score).Select(s => s.Contact).ToList();
        var fallback = tied.Count == 0 || (performance is not null && tied.Contains(performance))
            ? performance ?? candidates[0]
            : tied[0];
        return new OfficerChoice(fallback, OfficerChoiceBasis.Default, candidates);
    }

    /// <summary>Contacts a question can go to: reachable, and not Democratic Services (copied on every question anyway).</summary>
    public static IReadOnlyList<Contact> Candidates(PprrSnapshot snapshot) =>
        WordsBySnapshot.GetValue(snapshot, s => new ContactWords(s)).Candidates;

    private static List<Contact> Reachable(PprrSnapshot snapshot) =>
        snapshot.Contacts
            .Where(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.TeamsUserId))
            .Where(c => !IsDemocraticServices(c))
            .ToList();

    public static bool SameRole(string a, string b) =>
        string.Equals(PprrSnapshot.Normalise(a), PprrSnapshot.Normalise(b), StringComparison.OrdinalIgnoreCase);

    public static bool IsDemocraticServices(Contact contact) =>
        string.Equals(PprrSnapshot.Normalise(contact.Role), Contact.DemocraticServicesRole, StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> QuestionWords(string questionText) => Words(questionText).ToHashSet(StringComparer.Ordinal);

    private static List<(Contact Contact, double Score)> Score(ContactWords contactWords, HashSet<string> words)
    {
        return contactWords.Candidates
            .Select(c =>
            {
                var wordScore = words.Where(contactWords.Vocabularies[c].Contains).Sum(w => 1.0 / contactWords.Users[w]);

                // A whole area phrase in the question ("high needs block") beats scattered words.
                var phraseScore = contactWords.AreaWords[c].Count(a => a.Count > 1 && a.All(words.Contains));
                return (Contact: c, Score: wordScore + phraseScore);
            })
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ToList();
    }

    /// <summary>The candidate's area sharing most words with the question (first on a tie), or null.</summary>
    private static string? BestArea(ContactWords contactWords, Contact contact, HashSet<string> words)
    {
        var areaWords = contactWords.AreaWords[contact];
        return contact.AreaList
            .Select((area, i) => (Area: area, Matched: areaWords[i].Count(words.Contains)))
            .Where(a => a.Matched > 0)
            .OrderByDescending(a => a.Matched)
            .Select(a => a.Area)
            .FirstOrDefault();
    }

    private static HashSet<string> Vocabulary(Contact contact) =>
        contact.AreaList.Append(contact.Title).SelectMany(Words).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Words(string text)
    {
        foreach (Match match in WordPattern().Matches(PprrSnapshot.Normalise(text).ToLowerInvariant()))
        {
            var word = Singular(match.Value.Replace("\u2019", "'", StringComparison.Ordinal).TrimEnd('\'').Replace("'s", "", StringComparison.Ordinal));
            if (Ignored.Contains(word) || word.Length < 2)
            {
                continue;
            }

            if (Expansions.TryGetValue(word, out var expanded))
            {
                foreach (var e in expanded)
                {
                    yield return Singular(e);
                }
            }
            else
            {
                yield return word;
            }
        }
    }

    // Just enough to match "placement" with "placements" and "plan" with "plans"; never touches "-ss" words.
    private static string Singular(string word) =>
        word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    /// <summary>The contacts a question can go to, and the words of their areas and titles.</summary>
    private sealed class ContactWords
    {
        public ContactWords(PprrSnapshot snapshot)
        {
            Candidates = Reachable(snapshot);
            Vocabularies = Candidates.ToDictionary(c => c, Vocabulary);
            Users = Vocabularies.Values
                .SelectMany(v => v)
                .GroupBy(w => w, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            AreaWords = Candidates.ToDictionary(c => c, c => c.AreaList.Select(a => Words(a).ToList()).ToList());
        }

        public List<Contact> Candidates { get; }

        public Dictionary<Contact, HashSet<string>> Vocabularies { get; }

        /// <summary>How many candidates use each word: a word's weight is one over this.</summary>
        public Dictionary<string, int> Users { get; }

        public Dictionary<Contact, List<List<string>>> AreaWords { get; }
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\u2019-]*")]
    private static partial Regex WordPattern();
}
