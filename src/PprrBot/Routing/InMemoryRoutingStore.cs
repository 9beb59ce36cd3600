using System.Text.Json;
using PprrBot.Data.Outbox;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Routing;

/// <summary>
/// For tests: behaves like the database (copies in and out, one lock as the transaction, unique source key
/// and dedupe key), so a test sees only what was saved.
/// </summary>
internal sealed class InMemoryRoutingStore : IRoutingStore, INotificationOutbox
{
    private readonly Lock _lock = new();
    private readonly List<RoutedQuestion> _questions = [];
    private readonly List<OutboxMessage> _outbox = [];
    private int _nextEventId = 1;
    private long _nextOutboxId = 1;

    public IReadOnlyList<OutboxMessage> Outbox
    {
        get
        {
            lock (_lock)
            {
                return _outbox.Select(CopyMessage).ToList();
            }
        }
    }

    public Task<(RoutedQuestion Question, bool Created)> AddAsync(
        RoutedQuestion question,
        Func<RoutedQuestion, IReadOnlyList<OutboxMessage>> buildOutbox,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_questions.FirstOrDefault(q => q.SourceKey == question.SourceKey) is { } existing)
            {
                return Task.FromResult((Copy(existing), false));
            }

            var stored = Copy(question);
            stored.Id = _questions.Count + 1;
            stored.Reference = $"PQ-{stored.Id:D4}";
            foreach (var e in stored.History)
            {
                e.Id = _nextEventId++;
                e.RoutedQuestionId = stored.Id;
            }

            var messages = buildOutbox(Copy(stored));
            AddOutbox(messages, stored.Id);
            _questions.Add(stored);
            question.Id = stored.Id;
            question.Reference = stored.Reference;
            return Task.FromResult((Copy(stored), true));
        }
    }

    public Task SaveAsync(RoutedQuestion question, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var index = _questions.FindIndex(q => q.Id == question.Id);
            if (index < 0)
            {
                throw new InvalidOperationException($"Routed question {question.Id} was never added.");
            }

            // Optimistic concurrency on the history: a save must extend what is stored, not fork it.
            var storedEvents = _questions[index].History.Count;
            var savedEvents = question.History.Count(e => e.Id != 0);
            if (savedEvents != storedEvents)
            {
                throw new RoutingConcurrencyException($"Routed question {question.Id} changed since it was loaded.");
            }

            var stored = Copy(question);
            foreach (var e in stored.History.Where(e => e.Id == 0))
            {
                e.Id = _nextEventId++;
                e.RoutedQuestionId = stored.Id;
            }

            _questions[index] = stored;
            AddOutbox(outbox, stored.Id);
            return Task.CompletedTask;
        }
    }

    public Task<RoutedQuestion?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken) =>
        Find(q => q.SourceKey == sourceKey);

    public Task<RoutedQuestion?> FindByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        Find(q => string.Equals(q.Reference, reference, StringComparison.OrdinalIgnoreCase));

    public Task<RoutedQuestion?> FindAsync(int id, CancellationToken cancellationToken) => Find(q => q.Id == id);

    public Task<IReadOnlyList<RoutedQuestion>> ListByMemberAsync(string memberAadObjectId, CancellationToken cancellationToken) =>
        List(q => string.Equals(q.MemberAadObjectId, memberAadObjectId, StringComparison.OrdinalIgnoreCase));

    public Task<IReadOnlyList<RoutedQuestion>> ListByMeetingAsync(string? committee, DateOnly meetingDate, CancellationToken cancellationToken) =>
        List(q => q.MeetingDate == meetingDate && (committee is null || string.Equals(q.Committee, committee, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<RoutedQuestion>> ListByCommitteeAsync(string committee, CancellationToken cancellationToken) =>
        List(q => string.Equals(q.Committee, committee, StringComparison.OrdinalIgnoreCase));

    public Task<IReadOnlyList<RoutedQuestion>> ListOpenDueAsync(DateOnly answerByOnOrBefore, CancellationToken cancellationToken) =>
        List(q => q.Status == RoutedQuestionStatus.Open && q.AnswerBy <= answerByOnOrBefore);

    public async Task<IReadOnlyList<RoutedQuestion>> ListAnsweredAsync(string? measureCode, string? topic, int max, CancellationToken cancellationToken)
    {
        var answered = await List(q => q.Status == RoutedQuestionStatus.Answered
            && ((measureCode is not null && string.Equals(q.MeasureCode, measureCode, StringComparison.OrdinalIgnoreCase))
                || (topic is not null && string.Equals(q.Topic, topic, StringComparison.OrdinalIgnoreCase))));
        return answered.Take(max).ToList();
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instanceId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var claimed = _outbox
                .Where(m => m.SentAt is null && m.DueAt <= now && (m.LockedUntil is null || m.LockedUntil <= now))
                .OrderBy(m => m.Id)
                .Take(max)
                .ToList();
            foreach (var m in claimed)
            {
                m.LockedBy = instanceId;
                m.LockedUntil = now + lease;
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed.Select(CopyMessage).ToList());
        }
    }

    public Task<bool> MarkSentAsync(string instanceId, long id, string? resultId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var m = _outbox.Single(o => o.Id == id);
            if (m.LockedBy != instanceId || m.SentAt is not null)
            {
                return Task.FromResult(false);
            }

            m.SentAt = sentAt;
            m.ResultId = resultId;
            m.Attempts++;
            m.LockedBy = null;
            m.LockedUntil = null;
            return Task.FromResult(true);
        }
    }

    public Task<bool> MarkFailedAsync(string instanceId, long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var m = _outbox.Single(o => o.Id == id);
            if (m.LockedBy != instanceId || m.SentAt is not null)
            {
                return Task.FromResult(false);
            }

            m.Attempts++;
            m.LastError = error;
            m.DueAt = retryAt;
            m.LockedBy = null;
            m.LockedUntil = null;
            return Task.FromResult(true);
        }
    }

    private static OutboxMessage CopyMessage(OutboxMessage m) =>
        JsonSerializer.Deserialize<OutboxMessage>(JsonSerializer.Serialize(m))!;

    private void AddOutbox(IEnumerable<OutboxMessage> messages, int questionId)
    {
        foreach (var message in messages)
        {
            if (_outbox.Any(m => m.DedupeKey == message.DedupeKey))
            {
                continue;
            }

            message.Id = _nextOutboxId++;
            message.RoutedQuestionId = questionId;
            _outbox.Add(message);
        }
    }

    private Task<RoutedQuestion?> Find(Func<RoutedQuestion, bool> predicate)
    {
        lock (_lock)
        {
            return Task.FromResult(_questions.FirstOrDefault(predicate) is { } q ? Copy(q) : null);
        }
    }

    private Task<IReadOnlyList<RoutedQuestion>> List(Func<RoutedQuestion, bool> predicate)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<RoutedQuestion>>(_questions.Where(predicate).OrderByDescending(q => q.Id).Select(Copy).ToList());
        }
    }

    private static RoutedQuestion Copy(RoutedQuestion question) =>
        JsonSerializer.Deserialize<RoutedQuestion>(JsonSerializer.Serialize(question))!;
}
