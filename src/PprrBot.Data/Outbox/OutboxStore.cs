using Microsoft.EntityFrameworkCore;

namespace PprrBot.Data.Outbox;

/// <summary>
/// Hands due outbox messages to one delivering instance at a time. On PostgreSQL several instances claim
/// concurrently with FOR UPDATE SKIP LOCKED; on SQLite (one instance) a write transaction is enough.
/// A claim is a lease: if the instance dies, the messages are claimable again once it expires.
/// </summary>
public sealed class OutboxStore(PprrDbContext db)
{
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string instanceId, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        now = now.ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var claimed = db.Database.IsNpgsql()
            ? await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM "OutboxMessages"
                    WHERE "SentAt" IS NULL AND "DueAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "DueAt", "Id"
                    LIMIT {max}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken)
            : await db.OutboxMessages
                .Where(m => m.SentAt == null && m.DueAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .OrderBy(m => m.DueAt)
                .ThenBy(m => m.Id)
                .Take(max)
                .ToListAsync(cancellationToken);

        foreach (var message in claimed)
        {
            message.LockedBy = instanceId;
            message.LockedUntil = now + lease;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <returns>False when this instance no longer holds the claim (its lease expired and another took it).</returns>
    public async Task<bool> MarkSentAsync(long id, string instanceId, DateTimeOffset sentAt, string? resultId, CancellationToken cancellationToken)
    {
        sentAt = sentAt.ToUniversalTime();
        var updated = await db.OutboxMessages
            .Where(m => m.Id == id && m.LockedBy == instanceId && m.SentAt == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.SentAt, sentAt)
                    .SetProperty(m => m.ResultId, resultId)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }

    /// <summary>Releases the claim and schedules another attempt at <paramref name="retryAt"/>.</summary>
    public async Task<bool> MarkFailedAsync(long id, string instanceId, string error, DateTimeOffset retryAt, CancellationToken cancellationToken)
    {
        retryAt = retryAt.ToUniversalTime();
        var updated = await db.OutboxMessages
            .Where(m => m.Id == id && m.LockedBy == instanceId && m.SentAt == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.DueAt, retryAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null),
                cancellationToken);
        return updated == 1;
    }
}
