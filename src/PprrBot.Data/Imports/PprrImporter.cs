using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Imports;

/// <summary>
/// Imports PPRR files: every row checked, all problems reported together, and then either every file is
/// applied in one transaction or nothing is. Used by `pprrbot import` and to load the embedded sample.
/// </summary>
public sealed class PprrImporter(PprrDbContext db, TimeProvider time)
{
    public Task<ImportOutcome> ImportAsync(IReadOnlyList<ImportSource> files, ImportKind? kind, string importedBy, CancellationToken cancellationToken) =>
        ImportCoreAsync(files, kind, importedBy, isSample: false, cancellationToken);

    /// <summary>Loads the embedded sample data set through the same checks, marked as sample.</summary>
    public Task<ImportOutcome> ImportSampleAsync(CancellationToken cancellationToken) =>
        ImportCoreAsync(SampleDataSet.Sources(), null, SampleDataSet.ImportedBy, isSample: true, cancellationToken);

    private async Task<ImportOutcome> ImportCoreAsync(
        IReadOnlyList<ImportSource> files, ImportKind? kind, string importedBy, bool isSample, CancellationToken cancellationToken)
    {
        var problems = new List<ImportProblem>();
        var parsed = files
            .Select(file => ImportParser.Parse(file, kind, problems))
            .OfType<ParsedFile>()
            .ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var done = new List<ImportedFile>();
        var toApply = new List<ParsedFile>();
        foreach (var file in parsed)
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
        var clearSample = !isSample && toApply.Count > 0 && await db.Imports.AnyAsync(i => i.IsSample, cancellationToken);
        await CheckAgainstDatabaseAsync(toApply, clearSample, problems, cancellationToken);
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

        var now = time.GetUtcNow();
        foreach (var file in toApply.OrderBy(f => ImportSchema.ApplyOrder(f.Kind)))
        {
            var record = new ImportRecord
            {
                Kind = file.Kind,
                FileName = isSample ? $"{file.Source.FileName} (embedded sample)" : file.Source.FileName,
                Sha256 = file.Sha256,
                Rows = file.RowCount,
                ImportedBy = importedBy,
                ImportedAt = now,
                IsSample = isSample,
            };
            db.Imports.Add(record);
            await db.SaveChangesAsync(cancellationToken);

            await ApplyAsync(file, record.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            done.Add(new ImportedFile(file.Source.FileName, file.Kind, file.RowCount, ImportFileStatus.Imported, record.Id));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportOutcome(done, []);
    }

    /// <summary>Owner roles must be contacts, and definitions must name measures, in the database or in this import.</summary>
    private async Task CheckAgainstDatabaseAsync(List<ParsedFile> files, bool clearSample, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!clearSample)
        {
            roles.UnionWith((await db.Contacts.Select(c => c.Role).ToListAsync(cancellationToken)).Select(PprrSnapshot.Normalise));
            codes.UnionWith(await db.Measures.Select(m => m.Code).ToListAsync(cancellationToken));
        }

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

    private async Task ApplyAsync(ParsedFile file, int importId, CancellationToken cancellationToken)
    {
        switch (file.Kind)
        {
            case ImportKind.Measures:
                await ApplyMeasuresAsync(file, importId, cancellationToken);
                break;
            case ImportKind.Definitions:
                var measures = await db.Measures.ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
                foreach (var row in file.Definitions)
                {
                    var measure = measures[row.Code];
                    measure.Definition = row.Definition;
                    measure.DefinitionSourceRef = row.SourceRef;
                    measure.DefinitionProvenance = row.Provenance;
                }

                break;
            case ImportKind.Finance:
                var lines = await db.FinanceLines.ToDictionaryAsync(f => (f.Period, f.Service, f.Line), cancellationToken);
                foreach (var (_, line) in file.Finance)
                {
                    line.ImportId = importId;
                    Upsert(lines.GetValueOrDefault((line.Period, line.Service, line.Line)), line, existing => line.Id = existing.Id);
                }

                break;
            case ImportKind.Savings:
                var schemes = await db.SavingsSchemes.ToDictionaryAsync(s => (s.Period, s.Scheme), cancellationToken);
                foreach (var (_, scheme) in file.Savings)
                {
                    scheme.ImportId = importId;
                    Upsert(schemes.GetValueOrDefault((scheme.Period, scheme.Scheme)), scheme, existing => scheme.Id = existing.Id);
                }

                break;
            case ImportKind.Contacts:
                var contacts = (await db.Contacts.ToListAsync(cancellationToken))
                    .ToDictionary(c => PprrSnapshot.Normalise(c.Role), StringComparer.OrdinalIgnoreCase);
                foreach (var (_, contact) in file.Contacts)
                {
                    contact.ImportId = importId;
                    Upsert(contacts.GetValueOrDefault(PprrSnapshot.Normalise(contact.Role)), contact, existing =>
                    {
                        contact.Id = existing.Id;
                        // Teams ids are filled in at deployment; a file without one does not erase it.
                        contact.TeamsUserId ??= existing.TeamsUserId;
                    });
                }

                break;
            case ImportKind.Meetings:
                var meetings = await db.Meetings.ToDictionaryAsync(m => (m.Committee, m.Date, m.Item), cancellationToken);
                foreach (var (_, meeting) in file.Meetings)
                {
                    meeting.ImportId = importId;
                    Upsert(meetings.GetValueOrDefault((meeting.Committee, meeting.Date, meeting.Item)), meeting, existing => meeting.Id = existing.Id);
                }

                break;
        }
    }

    private async Task ApplyMeasuresAsync(ParsedFile file, int importId, CancellationToken cancellationToken)
    {
        var priorities = await db.Priorities.ToDictionaryAsync(p => (p.Portfolio, p.Number), cancellationToken);
        var measures = await db.Measures.Include(m => m.Results).ToDictionaryAsync(m => m.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var row in file.Measures)
        {
            if (!priorities.TryGetValue((row.Portfolio, row.PriorityNumber), out var priority))
            {
                priority = new Priority { Portfolio = row.Portfolio, Number = row.PriorityNumber, Title = row.PriorityTitle };
                priorities[(row.Portfolio, row.PriorityNumber)] = priority;
                db.Priorities.Add(priority);
            }

            priority.Title = row.PriorityTitle;

            var incoming = row.Measure;
            if (!measures.TryGetValue(incoming.Code, out var measure))
            {
                measure = incoming;
                measures[incoming.Code] = measure;
                db.Measures.Add(measure);
            }

            measure.Name = incoming.Name;
            measure.Unit = incoming.Unit;
            measure.Polarity = incoming.Polarity;
            measure.Frequency = incoming.Frequency;
            measure.OwnerRole = incoming.OwnerRole;
            measure.Priority = priority;

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

    /// <summary>Adds the row, or overwrites the existing one's values (keeping its id) when the key is already there.</summary>
    private void Upsert<T>(T? existing, T incoming, Action<T> keepIdentity)
        where T : class
    {
        if (existing is null)
        {
            db.Add(incoming);
            return;
        }

        keepIdentity(existing);
        db.Entry(existing).CurrentValues.SetValues(incoming);
    }
}
