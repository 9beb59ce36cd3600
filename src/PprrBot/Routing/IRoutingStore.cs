using PprrBot.Data.Outbox;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Routing;

/// <summary>
/// The few storage operations routing needs. Implemented over PprrDbContext by the data feature; an
/// in-memory version serves tests. Every write is one transaction: the question, its new history events
/// and its outbox messages are saved together or not at all.
/// </summary>
public interface IRoutingStore
{
    /// <summary>
    /// Saves a new question with its history, then the outbox messages built for it, in one transaction.
    /// Assigns <see cref="RoutedQuestion.Id"/> and a unique <see cref="RoutedQuestion.Reference"/> (PQ-0001,
    /// from the id) before calling <paramref name="buildOutbox"/>, and sets each message's RoutedQuestionId.
    /// When a question with the same <see cref="RoutedQuestion.SourceKey"/> exists (a redelivery, or a race
    /// with one), saves nothing and returns the existing question with <c>Created = false</c>.
    /// </summary>
    Task<(RoutedQuestion Question, bool Created)> AddAsync(
        RoutedQuestion question,
        Func<RoutedQuestion, IReadOnlyList<OutboxMessage>> buildOutbox,
        CancellationToken cancellationToken);

    /// <summary>
    /// Saves changes to a loaded question: its fields, events appended to its History (Id 0), and the outbox
    /// messages, in one transaction. Outbox messages whose DedupeKey already exists are skipped.
    /// Throws <see cref="RoutingConcurrencyException"/> if the question changed since it was loaded.
    /// </summary>
    Task SaveAsync(RoutedQuestion question, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken);

    Task<RoutedQuestion?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken);

    /// <summary>Case-insensitive on the reference.</summary>
    Task<RoutedQuestion?> FindByReferenceAsync(string reference, CancellationToken cancellationToken);

    Task<RoutedQuestion?> FindAsync(int id, CancellationToken cancellationToken);

    /// <summary>A member's questions, newest first.</summary>
    Task<IReadOnlyList<RoutedQuestion>> ListByMemberAsync(string memberAadObjectId, CancellationToken cancellationToken);

    /// <summary>Questions for one meeting; every committee when <paramref name="committee"/> is null.</summary>
    Task<IReadOnlyList<RoutedQuestion>> ListByMeetingAsync(string? committee, DateOnly meetingDate, CancellationToken cancellationToken);

    Task<IReadOnlyList<RoutedQuestion>> ListByCommitteeAsync(string committee, CancellationToken cancellationToken);

    /// <summary>Open questions whose reminder or escalation may be due: answer-by on or before <paramref name="answerByOnOrBefore"/>.</summary>
    Task<IReadOnlyList<RoutedQuestion>> ListOpenDueAsync(DateOnly answerByOnOrBefore, CancellationToken cancellationToken);

    /// <summary>Answered questions on a measure (when given) or a topic (when given), newest first.</summary>
    Task<IReadOnlyList<RoutedQuestion>> ListAnsweredAsync(string? measureCode, string? topic, int max, CancellationToken cancellationToken);
}

/// <summary>The question was changed by someone else between loading and saving; nothing was saved.</summary>
public sealed class RoutingConcurrencyException(string message) : Exception(message);
