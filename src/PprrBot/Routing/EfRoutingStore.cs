using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PprrBot.Data;
using PprrBot.Data.Outbox;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Routing;

/// <summary>
/// Routed questions in the database. Reads are untracked copies; a save attaches the copy, checks
/// <see cref="RoutedQuestion.Version"/> (a concurrency token) and writes the question, its new history events
/// and its outbox rows in one transaction.
/// </summary>
/// <remarks>
/// Each operation takes a context of its own from the pool, so the store is a singleton and a turn that never reads
/// routing (most of them: a question about a measure) rents none. A per-turn scope building this store and a context
/// for every turn was about 4% of the bot's CPU under load (docs/performance.md, "Load"; ADR-015).
/// </remarks>
internal sealed class EfRoutingStore(IServiceScopeFactory scopes) : IRoutingStore
{
    public Task<(RoutedQuestion Question, bool Created)> AddAsync(
        RoutedQuestion question,
        Func<RoutedQuestion, IReadOnlyList<OutboxMessage>> buildOutbox,
        CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => AddAsync(db, question, buildOutbox, cancellationToken));

    public Task SaveAsync(RoutedQuestion question, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => SaveAsync(db, question, outbox, cancellationToken));

    public Task<RoutedQuestion?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => FindBySourceKeyAsync(db, sourceKey, cancellationToken));

    public Task<RoutedQuestion?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        // References are written upper case (PQ-0001).
        var upper = reference.Trim().ToUpperInvariant();
        return scopes.WithContextAsync(db => Questions(db).FirstOrDefaultAsync(q => q.Reference == upper, cancellationToken));
    }

    public Task<RoutedQuestion?> FindAsync(int id, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => Questions(db).FirstOrDefaultAsync(q => q.Id == id, cancellationToken));

    public Task<IReadOnlyList<RoutedQuestion>> ListByMemberAsync(string memberAadObjectId, CancellationToken cancellationToken)
    {
        // Entra object ids are GUIDs; Teams sends them lower case, but a configured one may not be.
        var lowered = memberAadObjectId.ToLowerInvariant();
        return scopes.WithContextAsync(db => ToListAsync(
            Questions(db).Where(q => q.MemberAadObjectId == memberAadObjectId || q.MemberAadObjectId == lowered).OrderByDescending(q => q.Id).AsAsyncEnumerable(),
            cancellationToken));
    }

    public Task<IReadOnlyList<RoutedQuestion>> ListByMeetingAsync(string? committee, DateOnly meetingDate, CancellationToken cancellationToken) =>
        // Committee names come from the meetings data, spelt the same everywhere.
        scopes.WithContextAsync(db => ToListAsync(
            committee is null ? Lists(db).ByMeetingDate(db, meetingDate) : Lists(db).ByMeeting(db, meetingDate, committee), cancellationToken));

    public Task<IReadOnlyList<RoutedQuestion>> ListByCommitteeAsync(string committee, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => ToListAsync(Questions(db).Where(q => q.Committee == committee).OrderByDescending(q => q.Id).AsAsyncEnumerable(), cancellationToken));

    public Task<IReadOnlyList<RoutedQuestion>> ListOpenDueAsync(DateOnly answerByOnOrBefore, CancellationToken cancellationToken) =>
        scopes.WithContextAsync(db => ToListAsync(
            Questions(db).Where(q => q.Status == RoutedQuestionStatus.Open && q.AnswerBy <= answerByOnOrBefore).OrderBy(q => q.Id).AsAsyncEnumerable(),
            cancellationToken));

    public Task<IReadOnlyList<RoutedQuestion>> ListAnsweredAsync(string? measureCode, string? topic, int max, CancellationToken cancellationToken) =>
        measureCode is null && topic is null
            ? Task.FromResult<IReadOnlyList<RoutedQuestion>>([])
            // Codes and topics are copied from the data (measure codes, contacts' areas), so they match exactly.
            : scopes.WithContextAsync(db => ToListAsync(Lists(db).Answered(db, measureCode, topic, max), cancellationToken));

    private static async Task<(RoutedQuestion Question, bool Created)> AddAsync(
        PprrDbContext db,
        RoutedQuestion question,
        Func<RoutedQuestion, IReadOnlyList<OutboxMessage>> buildOutbox,
        CancellationToken cancellationToken)
    {
        if (await FindBySourceKeyAsync(db, question.SourceKey, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The reference comes from the id, which the insert assigns: a unique placeholder until then.
            question.Reference = $"pending-{Guid.NewGuid():N}";
            question.Version = 1;
            db.RoutedQuestions.Add(question);
            await db.SaveChangesAsync(cancellationToken);

            question.Reference = $"PQ-{question.Id:D4}";
            foreach (var message in buildOutbox(question))
            {
                message.RoutedQuestionId = question.Id;
                db.OutboxMessages.Add(message);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A redelivery raced this one and saved the same source key first: that question stands.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await FindBySourceKeyAsync(db, question.SourceKey, cancellationToken) is { } winner)
            {
                return (winner, false);
            }

            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return (question, true);
    }

    private static async Task SaveAsync(PprrDbContext db, RoutedQuestion question, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var loadedVersion = question.Version;
        var keys = outbox.Select(m => m.DedupeKey).ToList();
        var queued = keys.Count == 0
            ? []
            : await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(cancellationToken);

        // Attach marks stored history Unchanged and new events (Id 0) Added; the question itself is written whole.
        var entry = db.RoutedQuestions.Attach(question);
        entry.State = EntityState.Modified;
        entry.Property(q => q.Version).OriginalValue = loadedVersion;
        question.Version = loadedVersion + 1;
        foreach (var message in outbox.Where(m => !queued.Contains(m.DedupeKey)).DistinctBy(m => m.DedupeKey))
        {
            message.RoutedQuestionId = question.Id;
            db.OutboxMessages.Add(message);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            question.Version = loadedVersion;
            throw new RoutingConcurrencyException($"Routed question {question.Id} changed since it was loaded.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static Task<RoutedQuestion?> FindBySourceKeyAsync(PprrDbContext db, string sourceKey, CancellationToken cancellationToken) =>
        Questions(db).FirstOrDefaultAsync(q => q.SourceKey == sourceKey, cancellationToken);

    // One statement with its history joined, not a split query's two: the lists are a meeting's questions (tens), and
    // the chair's brief and a routed question's earlier answers read them on every ask (docs/performance.md, "Load").
    // One statement also reads one consistent state when another instance is writing.
    // The compiled queries below spell the same out: a compiled query is one expression, with no calls to translate.
    private static IQueryable<RoutedQuestion> Questions(PprrDbContext db) =>
        db.RoutedQuestions.AsNoTracking().Include(q => q.History.OrderBy(e => e.Id)).AsSingleQuery();

    // The lists read on every ask are compiled once per model: building and looking up the LINQ query each time was
    // about a third of their cost under load (docs/performance.md, "Load"). A compiled query refuses a context whose
    // model differs from the one it was compiled for, so SQLite and PostgreSQL (both in the tests) get a set each.
    private static CompiledLists Lists(PprrDbContext db) => CompiledLists.ForModel.GetValue(db.Model, static _ => new CompiledLists());

    private sealed class CompiledLists
    {
        public static readonly ConditionalWeakTable<IModel, CompiledLists> ForModel = new();

        public readonly Func<PprrDbContext, DateOnly, IAsyncEnumerable<RoutedQuestion>> ByMeetingDate =
            EF.CompileAsyncQuery<PprrDbContext, DateOnly, RoutedQuestion>((db, meetingDate) =>
                db.RoutedQuestions.AsNoTracking().Include(q => q.History.OrderBy(e => e.Id)).AsSingleQuery()
                    .Where(q => q.MeetingDate == meetingDate).OrderByDescending(q => q.Id));

        public readonly Func<PprrDbContext, DateOnly, string, IAsyncEnumerable<RoutedQuestion>> ByMeeting =
            EF.CompileAsyncQuery<PprrDbContext, DateOnly, string, RoutedQuestion>((db, meetingDate, committee) =>
                db.RoutedQuestions.AsNoTracking().Include(q => q.History.OrderBy(e => e.Id)).AsSingleQuery()
                    .Where(q => q.MeetingDate == meetingDate && q.Committee == committee).OrderByDescending(q => q.Id));

        public readonly Func<PprrDbContext, string?, string?, int, IAsyncEnumerable<RoutedQuestion>> Answered =
            EF.CompileAsyncQuery<PprrDbContext, string?, string?, int, RoutedQuestion>((db, measureCode, topic, max) =>
                db.RoutedQuestions.AsNoTracking().Include(q => q.History.OrderBy(e => e.Id)).AsSingleQuery()
                    .Where(q => q.Status == RoutedQuestionStatus.Answered)
                    .Where(q => (measureCode != null && q.MeasureCode == measureCode) || (topic != null && q.Topic == topic))
                    .OrderByDescending(q => q.Id)
                    .Take(max));
    }

    private static async Task<IReadOnlyList<RoutedQuestion>> ToListAsync(IAsyncEnumerable<RoutedQuestion> query, CancellationToken cancellationToken)
    {
        var list = new List<RoutedQuestion>();
        await foreach (var question in query.WithCancellation(cancellationToken))
        {
            list.Add(question);
        }

        return list;
    }
}

/// <summary>The routing outbox over the data feature's <see cref="OutboxStore"/> (SKIP LOCKED claims on PostgreSQL).</summary>
internal sealed class EfNotificationOutbox(OutboxStore store) : INotificationOutbox
{
    public Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instanceId, int max, TimeSpan lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ClaimDueAsync(instanceId, now, max, lease, cancellationToken);

    public Task<bool> MarkSentAsync(string instanceId, long id, string? resultId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        store.MarkSentAsync(id, instanceId, sentAt, resultId, cancellationToken);

    public Task<bool> MarkFailedAsync(string instanceId, long id, string error, DateTimeOffset retryAt, CancellationToken cancellationToken) =>
        store.MarkFailedAsync(id, instanceId, error, retryAt, cancellationToken);
}
