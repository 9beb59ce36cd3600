using Microsoft.EntityFrameworkCore;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Imports;

/// <summary>
/// Imports PPRR files: every row checked, all problems reported together, and then either every file is
/// applied in one transaction or nothing is. Used by `pprrbot import` and to load the embedded sample.
/// </summary>
public sealed class PprrImporter(PprrDbContext db, TimeProvider time)
{
    public Task<ImportOutcome> ImportAsync(IReadOnlyList<ImportSource> files, ImportKind? kind, string importedBy, CancellationToken cancellationToken) =>
        ImportCoreAsync(files, kind, importedBy, isSample: false, time.GetUtcNow(), cancellationToken);

    /// <summary>Loads the embedded sample data set through the same checks, marked as sample.</summary>
    public Task<ImportOutcome> ImportSampleAsync(CancellationToken cancellationToken) =>
        ImportSampleAsync(time.GetUtcNow(), cancellationToken);

    /// <param name="importedAt">When the import is recorded as made: start-up gives the time its provisional snapshot shows.</param>
    internal Task<ImportOutcome> ImportSampleAsync(DateTimeOffset importedAt, CancellationToken cancellationToken) =>
        ImportCoreAsync(SampleDataSet.Sources(), null, SampleDataSet.ImportedBy, isSample: true, importedAt, cancellationToken);

    /// <summary>
    /// The embedded sample as <see cref="ImportSampleAsync(CancellationToken)"/> will store it in a database that holds
    /// no import, without touching a database: the same parsing, checks and all-new entity graph, numbered as an
    /// empty database numbers it. Null if the sample fails the checks (the import then says why).
    /// </summary>
    internal static PprrSnapshot? ProvisionalSampleSnapshot(DateTimeOffset importedAt)
    {
        var problems = new List<ImportProblem>();
        var parsed = Parse(SampleDataSet.Sources(), null, problems);
        CheckReferences(parsed, [], [], problems);
        return problems.Count > 0
            ? null
            : NewImportGraph.Provisional(Records(parsed, SampleDataSet.ImportedBy, isSample: true, importedAt)).ToSnapshot(importedAt);
    }

    private static List<ParsedFile> Parse(IReadOnlyList<ImportSource> files, ImportKind? kind, List<ImportProblem> problems) =>
        files.Select(file => ImportParser.Parse(file, kind, problems)).OfType<ParsedFile>().ToList();

    private static List<(ParsedFile File, ImportRecord Record)> Records(List<ParsedFile> files, string importedBy, bool isSample, DateTimeOffset now) =>
        files.OrderBy(f => ImportSchema.ApplyOrder(f.Kind))
            .Select(file => (File: file, Record: new ImportRecord
            {
                Kind = file.Kind,
                FileName = isSample ? $"{file.Source.FileName} (embedded sample)" : file.Source.FileName,
                Sha256 = file.Sha256,
                Rows = file.RowCount,
                ImportedBy = importedBy,
                ImportedAt = now,
                IsSample = isSample,
            }))
            .ToList();

    private async Task<ImportOutcome> ImportCoreAsync(
        IReadOnlyList<ImportSource> files, ImportKind? kind, string importedBy, bool isSample, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var parsed = Parse(files, kind, problems);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Rows come only from imports, so into a database with no import (the sample on a fresh database, a council's
        // first import) every row is new: nothing to compare with or update, nothing to read back, two round trips.
        // Two files of one kind still go file by file, so the second updates what the first added.
        var allNew = parsed.DistinctBy(f => f.Kind).Count() == parsed.Count && !await db.Imports.AnyAsync(cancellationToken);
        var done = new List<ImportedFile>();
        var toApply = allNew ? parsed : [];
        foreach (var file in allNew ? [] : parsed)
        {
            var sha = file.Sha256;
            var fileKind = file.Kind;
            var earlier = await db.Imports.AsNoTracking()
                .Where(i => i.Sha256 == sha && i.Kind == fileKind && !i.IsSample)
                .Select(i => (int?)i.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (earlier is not null)
            {
                done.Add(new ImportedFile(file.Source.FileName, file.Kind, file.RowCount, ImportFileStatus.AlreadyImported, earlier));
            }
            else
            {
                toApply.Add(file);
            }
        }

        // The first council import replaces the whole sample, so answers never mix sample and official figures.
        var clearSample = !isSample && !allNew && toApply.Count > 0 && await db.Imports.AnyAsync(i => i.IsSample, cancellationToken);
        await CheckAgainstDatabaseAsync(toApply, readDatabase: !clearSample && !allNew, problems, cancellationToken);
        if (problems.Count > 0)
        {
            return ImportOutcome.Rejected(problems);
        }

        if (toApply.Count == 0)
        {
            return new ImportOutcome(done, []);
        }

        if (clearSample)
        {
            await ClearPprrDataAsync(cancellationToken);
        }

        var applied = Records(toApply, importedBy, isSample, now);
        if (allNew)
        {
            // Every row is new: the import records first (their ids stamp the rows), then every file's rows at once.
            db.Imports.AddRange(applied.Select(a => a.Record));
            await db.SaveChangesAsync(cancellationToken);
            NewImportGraph.Build(applied).AddTo(db);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        else
        {
            // File by file, so each reads what the files before it stored.
            foreach (var (file, record) in applied)
            {
                db.Imports.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                await ApplyAsync(file, record.Id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }

        done.AddRange(applied.Select(a => new ImportedFile(a.File.Source.FileName, a.File.Kind, a.File.RowCount, ImportFileStatus.Imported, a.Record.Id)));
        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(done, []);
    }

    /// <summary>Owner roles must be contacts, and definitions must name measures, in the database or in this import.</summary>
    private async Task CheckAgainstDatabaseAsync(List<ParsedFile> files, bool readDatabase, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        List<string> roles = [], codes = [];
        if (readDatabase)
        {
            roles = await db.Contacts.Select(c => c.Role).ToListAsync(cancellationToken);
            codes = await db.Measures.Select(m => m.Code).ToListAsync(cancellationToken);
        }

        CheckReferences(files, roles, codes, problems);
    }

    private static void CheckReferences(List<ParsedFile> files, IEnumerable<string> storedRoles, IEnumerable<string> storedCodes, List<ImportProblem> problems)
    {
        var roles = new HashSet<string>(storedRoles.Select(PprrSnapshot.Normalise), StringComparer.OrdinalIgnoreCase);
        var codes = new HashSet<string>(storedCodes, StringComparer.OrdinalIgnoreCase);
        roles.UnionWith(files.SelectMany(f => f.Contacts).Select(c => PprrSnapshot.Normalise(c.Contact.Role)));
        codes.UnionWith(files.SelectMany(f => f.Measures).Select(m => m.Measure.Code));

        foreach (var file in files)
        {
            foreach (var (row, column, role) in file.OwnerRoles.Where(o => !roles.Contains(PprrSnapshot.Normalise(o.Role))))
            {
                problems.Add(new ImportProblem(file.Source.FileName, row, column,
                    $"expected the role of a contact already imported or in this import (contacts file); found {TabularFile.Quote(role)}"));
            }

            foreach (var definition in file.Definitions.Where(d => d.Code.Length > 0 && !codes.Contains(d.Code)))
            {
                problems.Add(new ImportProblem(file.Source.FileName, definition.Row, "code",
                    $"expected the code of a measure already imported or in this import (measures file); found {TabularFile.Quote(definition.Code)}"));
            }
        }
    }

    private async Task ClearPprrDataAsync(CancellationToken cancellationToken)
    {
        await db.MeasureResults.ExecuteDeleteAsync(cancellationToken);
        await db.Measures.ExecuteDeleteAsync(cancellationToken);
        await db.Priorities.ExecuteDeleteAsync(cancellationToken);
        await db.FinanceLines.ExecuteDeleteAsync(cancellationToken);
        await db.SavingsSchemes.ExecuteDeleteAsync(cancellationToken);
        await db.Contacts.ExecuteDeleteAsync(cancellationToken);
        await db.Meetings.ExecuteDeleteAsync(cancellationToken);
        await db.Imports.Where(i => i.IsSample).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Applies one file over what the database holds (a database with no import takes <see cref="NewImportGraph"/>).</summary>
    private async Task ApplyAsync(ParsedFile file, int importId, CancellationToken cancellationToken)
    {
        switch (file.Kind)
        {
            case ImportKind.Measures:
                await ApplyMeasuresAsync(file, importId, cancellationToken);
                break;
            case ImportKind.Definitions:
                NewImportGraph.ApplyDefinitions(file, await db.Measures.ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken));
                break;
            case ImportKind.Finance:
                await UpsertAsync(db.FinanceLines, file.Finance.Select(f => f.Line), f => (f.Period, f.Service, f.Line), importId, null, cancellationToken);
                break;
            case ImportKind.Savings:
                await UpsertAsync(db.SavingsSchemes, file.Savings.Select(s => s.Scheme), s => (s.Period, s.Scheme), importId, null, cancellationToken);
                break;
            case ImportKind.Contacts:
                // Teams ids are filled in at deployment; a file without one does not erase it.
                await UpsertAsync(db.Contacts, file.Contacts.Select(c => c.Contact), c => PprrSnapshot.Normalise(c.Role).ToUpperInvariant(), importId,
                    (existing, incoming) => incoming.TeamsUserId ??= existing.TeamsUserId, cancellationToken);
                break;
            case ImportKind.Meetings:
                await UpsertAsync(db.Meetings, file.Meetings.Select(m => m.Meeting), m => (m.Committee, m.Date, m.Item), importId, null, cancellationToken);
                break;
        }
    }

    private async Task ApplyMeasuresAsync(ParsedFile file, int importId, CancellationToken cancellationToken)
    {
        var priorities = await db.Priorities.ToDictionaryAsync(p => (p.Portfolio, p.Number), cancellationToken);
        var measures = await db.Measures.Include(m => m.Results).ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in file.Measures)
        {
            var measure = NewImportGraph.ApplyMeasureRow(row, priorities, measures, p => db.Priorities.Add(p), m => db.Measures.Add(m));
            var result = row.Result;
            result.ImportId = importId;
            var existing = measure.Results.FirstOrDefault(r => string.Equals(r.Period, result.Period, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                measure.Results.Add(result);
            }
            else
            {
                result.Id = existing.Id;
                result.MeasureId = existing.MeasureId;
                db.Entry(existing).CurrentValues.SetValues(result);
            }
        }
    }

    /// <summary>
    /// Adds each row, or overwrites the values of the stored row with the same key (keeping its id), and
    /// stamps the import on it.
    /// </summary>
    private async Task UpsertAsync<T, TKey>(
        DbSet<T> set, IEnumerable<T> rows, Func<T, TKey> key, int importId, Action<T, T>? keep, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var stored = (await set.ToListAsync(cancellationToken)).ToDictionary(key);
        foreach (var row in rows)
        {
            var incoming = db.Entry(row);
            incoming.Property<int?>("ImportId").CurrentValue = importId;
            if (!stored.TryGetValue(key(row), out var existing))
            {
                set.Add(row);
                continue;
            }

            keep?.Invoke(existing, row);
            var target = db.Entry(existing);
            incoming.Property<int>("Id").CurrentValue = target.Property<int>("Id").CurrentValue;
            target.CurrentValues.SetValues(row);
        }
    }
}
