using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Tests.Imports;

/// <summary>The importer against a real database; every test runs on SQLite and on PostgreSQL.</summary>
public abstract class PprrImporterTests(TestProvider provider) : DatabaseTests(provider)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    private async Task<ImportOutcome> ImportAsync(params ImportSource[] files)
    {
        await using var db = Database.NewContext();
        return await new PprrImporter(db, Clock).ImportAsync(files, null, "test officer", Cancel);
    }

    [Fact]
    public async Task SampleIsImportedThroughTheImporterAndMarkedAsSample()
    {
        await using (var db = Database.NewContext())
        {
            var outcome = await new PprrImporter(db, Clock).ImportSampleAsync(Cancel);
            Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
        }

        await using var check = Database.NewContext();
        var snapshot = await PprrSnapshotLoader.LoadAsync(check, DateTimeOffset.UnixEpoch, Cancel);
        Assert.True(snapshot.IsSample);
        Assert.Equal(38, snapshot.Measures.Count);
        Assert.Equal(93, snapshot.Measures.Sum(m => m.Results.Count));
        Assert.All(snapshot.Measures, m => Assert.NotNull(m.Measure.Definition));
        Assert.Equal(24, snapshot.Finance.Count);
        Assert.Equal(10, snapshot.Savings.Count);
        Assert.Equal(5, snapshot.Contacts.Count);
        Assert.Equal(5, snapshot.Meetings.Count);
        Assert.All(snapshot.Measures.SelectMany(m => m.Results), r => Assert.True(snapshot.ImportsById[r.ImportId!.Value].IsSample));
    }

    [Theory]
    [InlineData("measures.csv", 93)]
    [InlineData("definitions.csv", 38)]
    [InlineData("finance.csv", 24)]
    [InlineData("savings.csv", 10)]
    [InlineData("meetings.csv", 5)]
    public async Task EachReferenceFileImportsOnceContactsAndMeasuresAreIn(string fileName, int rows)
    {
        var first = await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));
        Assert.True(first.Succeeded, string.Join(Environment.NewLine, first.Problems));

        var outcome = await ImportAsync(SampleFiles.Source(fileName));

        var file = Assert.Single(outcome.Files);
        Assert.Equal(rows, file.Rows);
        Assert.Equal(fileName == "measures.csv" ? ImportFileStatus.AlreadyImported : ImportFileStatus.Imported, file.Status);
    }

    [Fact]
    public async Task ImportIsLoggedWithFileShaRowsAndWhoAndEveryResultKeepsItsImport()
    {
        var outcome = await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));

        await using var db = Database.NewContext();
        var measuresImport = await db.Imports.SingleAsync(i => i.Kind == ImportKind.Measures, Cancel);
        Assert.Equal("measures.csv", measuresImport.FileName);
        Assert.Equal(93, measuresImport.Rows);
        Assert.Equal("test officer", measuresImport.ImportedBy);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SampleFiles.Source("measures.csv").Content)), measuresImport.Sha256);
        Assert.False(measuresImport.IsSample);
        Assert.All(await db.MeasureResults.ToListAsync(Cancel), r => Assert.Equal(measuresImport.Id, r.ImportId));
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task ReimportingTheSameFileChangesNothing()
    {
        await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));

        var again = await ImportAsync(SampleFiles.Source("measures.csv"));

        Assert.Equal(ImportFileStatus.AlreadyImported, Assert.Single(again.Files).Status);
        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Imports.CountAsync(Cancel));
        Assert.Equal(93, await db.MeasureResults.CountAsync(Cancel));
    }

    [Fact]
    public async Task NewerFileUpdatesResultsByCodeAndPeriodAndKeepsEarlierPeriods()
    {
        await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));
        var rows = SampleFiles.Rows("measures.csv");
        var q2 = SampleFiles.MeasureRow("CFE02", "2020/21 Q2");
        rows[q2 - 1][Array.IndexOf(rows[0], "value")] = "96.5";
        var update = new ImportSource("measures-2021.csv", GeneratedCsv.Write([rows[0], rows[q2 - 1]]));

        var outcome = await ImportAsync(update);

        Assert.True(outcome.Succeeded);
        await using var db = Database.NewContext();
        var results = await db.MeasureResults.Where(r => r.Measure!.Code == "CFE02").ToListAsync(Cancel);
        Assert.Equal(3, results.Count);
        var updated = results.Single(r => r.Period == "2020/21 Q2");
        Assert.Equal(96.5m, updated.Value);
        Assert.Equal(Assert.Single(outcome.Files).ImportId, updated.ImportId);
        Assert.All(results.Where(r => r.Period != "2020/21 Q2"), r => Assert.NotEqual(updated.ImportId, r.ImportId));
    }

    [Fact]
    public async Task TwoMeasuresFilesInAFirstImportApplyInTurnTheSecondUpdatingTheFirst()
    {
        var rows = SampleFiles.Rows("measures.csv");
        var q2 = SampleFiles.MeasureRow("CFE02", "2020/21 Q2");
        rows[q2 - 1][Array.IndexOf(rows[0], "value")] = "96.5";
        var update = new ImportSource("measures-2021.csv", GeneratedCsv.Write([rows[0], rows[q2 - 1]]));

        var outcome = await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"), update);

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
        await using var db = Database.NewContext();
        Assert.Equal(93, await db.MeasureResults.CountAsync(Cancel));
        var updated = await db.MeasureResults.SingleAsync(r => r.Measure!.Code == "CFE02" && r.Period == "2020/21 Q2", Cancel);
        Assert.Equal(96.5m, updated.Value);
        Assert.Equal(outcome.Files.Single(f => f.FileName == "measures-2021.csv").ImportId, updated.ImportId);
    }

    [Fact]
    public async Task NewerContactsFileUpdatesContactsByRoleAndKeepsTheirTeamsIds()
    {
        await ImportAsync(SampleFiles.Source("contacts.csv"));
        await using (var db = Database.NewContext())
        {
            (await db.Contacts.SingleAsync(c => c.Role == "Strategy and Performance Manager", Cancel)).TeamsUserId = "29:performance";
            await db.SaveChangesAsync(Cancel);
        }

        var outcome = await ImportAsync(SampleFiles.WithCell("contacts.csv", 2, "phone", "474 0000"));

        Assert.True(outcome.Succeeded);
        await using var check = Database.NewContext();
        Assert.Equal(5, await check.Contacts.CountAsync(Cancel));
        var contact = await check.Contacts.SingleAsync(c => c.Role == "Strategy and Performance Manager", Cancel);
        Assert.Equal("474 0000", contact.Phone);
        Assert.Equal("29:performance", contact.TeamsUserId);
        Assert.Equal(Assert.Single(outcome.Files).ImportId, contact.ImportId);
    }

    [Fact]
    public async Task OwnerRoleThatIsNoContactIsRejectedAndNothingIsImported()
    {
        var outcome = await ImportAsync(SampleFiles.Source("measures.csv"));

        Assert.False(outcome.Succeeded);
        Assert.Equal(93, outcome.Problems.Count);
        Assert.Equal("measures.csv, row 2, column owner_role: expected the role of a contact already imported or in this import (contacts file); found \"Strategy and Performance Manager\"", outcome.Problems[0].ToString());
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Imports.CountAsync(Cancel));
        Assert.Equal(0, await db.Measures.CountAsync(Cancel));
    }

    [Fact]
    public async Task DefinitionOfAnUnknownMeasureIsRejected()
    {
        var outcome = await ImportAsync(SampleFiles.WithCell("definitions.csv", 2, "code", "CFE99"));

        Assert.Contains("definitions.csv, row 2, column code: expected the code of a measure already imported or in this import (measures file); found \"CFE99\"", outcome.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public async Task DefinitionsUpdateTheMeasuresDefinitions()
    {
        await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));

        await ImportAsync(SampleFiles.WithCell("definitions.csv", 2, "definition", "Children assessed at the end of Reception."));

        await using var db = Database.NewContext();
        var measure = await db.Measures.SingleAsync(m => m.Code == "CFE01", Cancel);
        Assert.Equal("Children assessed at the end of Reception.", measure.Definition);
        Assert.Equal("N18", measure.DefinitionSourceRef);
    }

    [Fact]
    public async Task FirstCouncilImportReplacesTheWholeSample()
    {
        await using (var db = Database.NewContext())
        {
            await new PprrImporter(db, Clock).ImportSampleAsync(Cancel);
        }

        var outcome = await ImportAsync(SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv"));

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems));
        await using var check = Database.NewContext();
        var snapshot = await PprrSnapshotLoader.LoadAsync(check, DateTimeOffset.UnixEpoch, Cancel);
        Assert.False(snapshot.IsSample);
        Assert.Equal(2, snapshot.Imports.Count);
        Assert.Empty(snapshot.Finance);
        Assert.Equal(93, snapshot.Measures.Sum(m => m.Results.Count));
    }

    [Fact]
    public async Task BadRowLateInALargeFileImportsNothing()
    {
        var rows = GeneratedCsv.LargeMeasures(10_000).ToList();
        rows[9_999][Array.IndexOf(rows[0], "value")] = "ninety";

        var outcome = await ImportAsync(SampleFiles.Source("contacts.csv"), new ImportSource("large.csv", GeneratedCsv.Write(rows)));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("large.csv, row 10000, column value: expected a number such as 72.5 (a full stop for decimals; no %, £ or thousands separators); found \"ninety\"", problem.ToString());
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.MeasureResults.CountAsync(Cancel));
        Assert.Equal(0, await db.Contacts.CountAsync(Cancel));
        Assert.Equal(0, await db.Imports.CountAsync(Cancel));
    }

    [Fact]
    public async Task LargeFileImportsEveryRow()
    {
        var rows = GeneratedCsv.LargeMeasures(10_000).ToList();

        var outcome = await ImportAsync(SampleFiles.Source("contacts.csv"), new ImportSource("large.csv", GeneratedCsv.Write(rows)));

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Problems.Take(5)));
        await using var db = Database.NewContext();
        Assert.Equal(9_999, await db.MeasureResults.CountAsync(Cancel));
        Assert.Equal(2_000, await db.Measures.CountAsync(Cancel));
        Assert.Equal(69.0m, (await db.MeasureResults.SingleAsync(r => r.Measure!.Code == "GEN00007" && r.Period == "2020/21", Cancel)).Value);
    }
}

public sealed class PprrImporterSqliteTests() : PprrImporterTests(TestProvider.Sqlite);

public sealed class PprrImporterPostgresTests() : PprrImporterTests(TestProvider.Postgres);
