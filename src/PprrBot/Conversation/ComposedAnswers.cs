using System.Collections.Concurrent;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Conversation;

/// <summary>
/// The cards composed for each reading of a question, remembered for the snapshot they came from. Many phrasings read
/// the same way ("SEN persistent absence", "what's the persistent absence rate for SEN?"), and before a meeting many
/// members ask the same things; composing the cards was about a sixth of the bot's CPU per answer under load
/// (docs/performance.md, "Load"). Cards are a function of the reading and the snapshot alone, except where they show
/// the member's own words (did you mean, no match) or depend on today (meetings, the chair's brief): those readings
/// are never remembered (<see cref="QuestionAnswerer.ComposedFromReadingAlone"/>). A new snapshot starts afresh, so a card never outlives its
/// figures; at most <c>capacity</c> readings are kept per snapshot (a card is 3 to 10 KB).
/// </summary>
internal sealed class ComposedAnswers(int capacity = ComposedAnswers.DefaultCapacity)
{
    public const int DefaultCapacity = 1024;

    private Memo? _memo;

    /// <summary>Readings remembered for the latest snapshot.</summary>
    public int Count => _memo?.Cards.Count ?? 0;

    public IReadOnlyList<BotMessage> GetOrCompose<TState>(
        Question question, PprrSnapshot snapshot, TState state, Func<Question, PprrSnapshot, TState, IReadOnlyList<BotMessage>> compose)
    {
        if (Reading.Of(question) is not { } reading)
        {
            return compose(question, snapshot, state);
        }

        // Readers of an older snapshot (a turn that began before an import) compose without touching the memo.
        var memo = _memo;
        if (memo is null || !ReferenceEquals(memo.Snapshot, snapshot))
        {
            memo = new Memo(snapshot);
            _memo = memo;
        }

        if (memo.Cards.TryGetValue(reading, out var cards))
        {
            return cards;
        }

        var composed = compose(question, snapshot, state);
        if (memo.Cards.Count >= capacity)
        {
            return composed;
        }

        // Kept as a copy: nothing a caller does with the list it was given can change what later members get.
        cards = [.. composed];
        memo.Cards.TryAdd(reading, cards);
        return cards;
    }

    private sealed class Memo(PprrSnapshot snapshot)
    {
        public PprrSnapshot Snapshot { get; } = snapshot;

        public ConcurrentDictionary<Reading, IReadOnlyList<BotMessage>> Cards { get; } = new();
    }
}

/// <summary>
/// Everything about a <see cref="Question"/> that its cards are composed from, compared by value (the snapshot's
/// measures, lines, contacts and meetings by identity: one memo holds one snapshot's).
/// </summary>
internal sealed class Reading : IEquatable<Reading>
{
    /// <summary>The properties the reading holds. With <see cref="UnkeyedProperties"/>, every property of Question.</summary>
    internal static readonly string[] KeyedProperties =
    [
        nameof(Question.Intent), nameof(Question.Measures), nameof(Question.Period), nameof(Question.Priorities),
        nameof(Question.Ratings), nameof(Question.FinanceLines), nameof(Question.FinanceService), nameof(Question.FinancePeriod),
        nameof(Question.SavingsPeriod), nameof(Question.Contacts), nameof(Question.Meeting), nameof(Question.ChangesOnly),
    ];

    /// <summary>Read only when composing cards that are never remembered (the member's words), or never read to compose.</summary>
    internal static readonly string[] UnkeyedProperties =
    [
        nameof(Question.Text), nameof(Question.Alternatives), nameof(Question.Suggestions), nameof(Question.NeedsClarification),
        nameof(Question.Confidence),
    ];

    private readonly object?[] _parts;
    private readonly int _hash;

    private Reading(object?[] parts)
    {
        _parts = parts;
        var hash = new HashCode();
        foreach (var part in parts)
        {
            hash.Add(part);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>The reading to remember the cards by; null when the cards show more than the reading (see the class).</summary>
    public static Reading? Of(Question question)
    {
        if (!QuestionAnswerer.ComposedFromReadingAlone(question))
        {
            return null;
        }

        // Each list is written with its length first, so no two readings write the same parts.
        var parts = new object?[7 + 5 + question.Measures.Count + question.Priorities.Count + question.Ratings.Count
                                 + question.FinanceLines.Count + question.Contacts.Count];
        parts[0] = question.Intent;
        parts[1] = question.Period;
        parts[2] = question.ChangesOnly;
        parts[3] = question.FinanceService;
        parts[4] = question.FinancePeriod;
        parts[5] = question.SavingsPeriod;
        parts[6] = question.Meeting;
        var at = 7;
        Add(parts, ref at, question.Measures);
        Add(parts, ref at, question.Priorities);
        Add(parts, ref at, question.Ratings);
        Add(parts, ref at, question.FinanceLines);
        Add(parts, ref at, question.Contacts);
        return new Reading(parts);
    }

    public bool Equals(Reading? other)
    {
        if (other is null || other._hash != _hash || other._parts.Length != _parts.Length)
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!Equals(_parts[i], other._parts[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as Reading);

    public override int GetHashCode() => _hash;

    private static void Add<T>(object?[] parts, ref int at, IReadOnlyList<T> items)
    {
        parts[at++] = items.Count;
        foreach (var item in items)
        {
            parts[at++] = item;
        }
    }
}
