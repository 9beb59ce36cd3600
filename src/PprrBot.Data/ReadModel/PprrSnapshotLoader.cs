using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;

namespace PprrBot.Data.ReadModel;

/// <summary>The entity lists a snapshot is built from, read from the database in one go.</summary>
internal sealed record PprrSnapshotSource(
    IReadOnlyList<Priority> Priorities,
    IReadOnlyList<Measure> Measures,
    IReadOnlyList<FinanceLine> Finance,
    IReadOnlyList<SavingsScheme> Savings,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<Meeting> Meetings,
    IReadOnlyList<ImportRecord> Imports)
{
    public PprrSnapshot Build(DateTimeOffset loadedAt) =>
        new(Priorities, Measures, Finance, Savings, Contacts, Meetings, Imports, loadedAt);
}

internal static class PprrSnapshotLoader
{
    /// <summary>The import log is read first: rows added by an import that lands during the load are newer than it.</summary>
    public static async Task<PprrSnapshotSource> LoadSourceAsync(PprrDbContext db, CancellationToken cancellationToken)
    {
        var imports = await db.Imports.AsNoTracking().OrderBy(i => i.Id).ToListAsync(cancellationToken);
        return new(
            await db.Priorities.AsNoTracking().ToListAsync(cancellationToken),
            await db.Measures.AsNoTracking().Include(m => m.Results).AsSplitQuery().ToListAsync(cancellationToken),
            await db.FinanceLines.AsNoTracking().OrderBy(f => f.Id).ToListAsync(cancellationToken),
            await db.SavingsSchemes.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken),
            await db.Contacts.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken),
            await db.Meetings.AsNoTracking().ToListAsync(cancellationToken),
            imports);
    }

    public static async Task<PprrSnapshot> LoadAsync(PprrDbContext db, DateTimeOffset loadedAt, CancellationToken cancellationToken) =>
        (await LoadSourceAsync(db, cancellationToken)).Build(loadedAt);
}
