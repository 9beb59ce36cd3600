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
internal sealed class EfRoutingStore(IServiceProvider scope) : IRoutingStore
{
    // The scope's context is taken from the pool on first use: most turns (a question about a measure) build this
    // store and never read routing, and renting and returning a context for each of them was about 2% of the bot's
    // CPU under load (docs/performance.md, "Load").
    private PprrDbContext? _db;

    private PprrDbContext Db => _db ??= scope.GetRequiredService<PprrDbContext>();

    public async Task<(RoutedQuestion Question, bool Created)> AddAsync(
        RoutedQuestion question,
        Func<RoutedQuestion, IReadOnlyList<OutboxMessage>> buildOutbox,
        CancellationToken cancellationToken)
    {
        if (await FindBySourceKeyAsync(question.SourceKey, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // The reference comes from the id, which the insert assigns: a unique placeholder until then.
            question.Reference = $"pending-{Guid.NewGuid():N}";
            question.Version = 1;
            Db.RoutedQuestions.Add(question);
            await Db.SaveChangesAsync(cancellationToken);

            question.Reference = $"PQ-{question.Id:D4}";
            foreach (var message in buildOutbox(question))
            {
                message.RoutedQuestionId = question.Id;
                Db.OutboxMessages.Add(message);
            }

            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A redelivery raced this one and saved the same source key first: that question stands.
            await transaction.RollbackAsync(cancellationToken);
            Db.ChangeTracker.Clear();
            if (await FindBySourceKeyAsync(question.SourceKey, cancellationToken) is { } winner)
            {
                return (winner, false);
            }

            throw;
        }
        finally
        {
            Db.ChangeTracker.Clear();
        }

        return (question, true);
    }

    public async Task SaveAsync(RoutedQuestion question, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        Db.ChangeTracker.Clear();
        var loadedVersion = question.Version;
        var keys = outbox.Select(m => m.DedupeKey).ToList();
        var queued = keys.Count == 0
            ? []
            : await Db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DedupeKey)).Select(m => m.DedupeKey).ToListAsync(cancellationToken);

        // Attach marks stored history Unchanged and new events (Id 0) Added; the question itself is written whole.
        var entry = Db.RoutedQuestions.Attach(question);
        entry.State = EntityState.Modified;
        entry.Property(q => q.Version).OriginalValue = loadedVersion;
        question.Version = loadedVersion + 1;
        foreach (var message in outbox.Where(m => !queued.Contains(m.DedupeKey)).DistinctBy(m => m.DedupeKey))
        {
            message.RoutedQuestionId = question.Id;
            Db.OutboxMessages.Add(message);
        }

        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            question.Version = loadedVersion;
            throw new RoutingConcurrencyException($"Routed question {question.Id} changed since it was loaded.");
        }
        finally
        {
            Db.ChangeTracker.Clear();
        }
    }

    public Task<RoutedQuestion?> FindBySourceKeyAsync(string sourceKey, CancellationToken cancellationToken) =>
        Questions().FirstOrDefaultAsync(q => q.SourceKey == sourceKey, cancellationToken);

    public Task<RoutedQuestion?> FindByReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        // References are written upper case (PQ-0001).
        var upper = reference.Trim().ToUpperInvariant();
        return Questions().FirstOrDefaultAsync(q => q.Reference == upper, cancellationToken);
    }

    public Task<RoutedQuestion?> FindAsync(int id, CancellationToken cancellationToken) =>
        Questions().FirstOrDefaultAsync(q => q.Id == id, cancellationToken);

    public async Task<IReadOnlyList<RoutedQuestion>> ListByMemberAsync(string memberAadObjectId, CancellationToken cancellationToken)
    {
        // Entra object ids are GUIDs; Teams sends them lower case, but a configured one may not be.
        var lowered = memberAadObjectId.ToLowerInvariant();
        return await Questions().Where(q => q.MemberAadObjectId == memberAadObjectId || q.MemberAadObjectId == lowered).OrderByDescending(q => q.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RoutedQuestion>> ListByMeetingAsync(string? committee, DateOnly meetingDate, CancellationToken cancellationToken) =>
        // Committee names come from the meetings data, spelt the same everywhere.
        await ToListAsync(
            committee is null ? Lists.ByMeetingDate(Db, meetingDate) : Lists.ByMeeting(Db, meetingDate, committee), cancellationToken);

    public async Task<IReadOnlyList<RoutedQuestion>> ListByCommitteeAsync(string committee, CancellationToken cancellationToken)
    {
        return await Questions().Where(q => q.Committee == committee).OrderByDescending(q => q.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RoutedQuestion>> ListOpenDueAsync(DateOnly answerByOnOrBefore, CancellationToken cancellationToken) =>
        await Questions().Where(q => q.Status == RoutedQuestionStatus.Open && q.AnswerBy <= answerByOnOrBefore).OrderBy(q => q.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RoutedQuestion>> ListAnsweredAsync(string? measureCode, string? topic, int max, CancellationToken cancellationToken)
    {
        if (measureCode is null && topic is null)
        {
            return [];
        }

        // Codes and topics are copied from the data (measure codes, contacts' areas), so they match exactly.
        return await ToListAsync(Lists.Answered(Db, measureCode, topic, max), cancellationToken);
    }

    // One statement with its history joined, not a split query's two: the lists are a meeting's questions (tens), and
    // the chair's brief and a routed question's earlier answers read them on every ask (docs/performance.md, "Load").
    // One statement also reads one consistent state when another instance is writing.
    // The compiled queries below spell the same out: a compiled query is one expression, with no calls to translate.
    private IQueryable<RoutedQuestion> Questions() =>
        Db.RoutedQuestions.AsNoTracking().Include(q => q.History.OrderBy(e => e.Id)).AsSingleQuery();

    // The lists read on every ask are compiled once per model: building and looking up the LINQ query each time was
    // about a third of their cost under load (docs/performance.md, "Load"). A compiled query refuses a context whose
    // model differs from the one it was compiled for, so SQLite and PostgreSQL (both in the tests) get a set each.
    private CompiledLists Lists => CompiledLists.ForModel.GetValue(Db.Model, static _ => new CompiledLists());

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
