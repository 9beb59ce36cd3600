using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Imports;
using PprrBot.Data.Sqlite;
using PprrBot.Data.Tests.Imports;

namespace PprrBot.Benchmarks.Imports;

/// <summary>
/// A 10,000-row measures CSV: checked only, and checked and imported into a fresh SQLite file (BenchmarkDotNet runs
/// the import once per iteration, because of the iteration set-up).
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private ImportSource _contacts = null!;
    private ImportSource _measures = null!;
    private string _path = "";
    private SqlitePprrDbContext? _db;

    [GlobalSetup]
    public void CreateFile()
    {
        _contacts = SampleDataSet.Sources().Single(s => s.FileName == "contacts.csv");
        _measures = new ImportSource("large.csv", GeneratedCsv.Write(GeneratedCsv.LargeMeasures(10_000)));
    }

    [IterationSetup(Target = nameof(ImportIntoSqlite))]
    public void CreateDatabase()
    {
        _path = Path.Combine(Path.GetTempPath(), $"pprr-bench-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ConnectionString;
        _db = new SqlitePprrDbContext(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite(connectionString).Options);
        _db.Database.Migrate();
        new PprrImporter(_db, TimeProvider.System).ImportAsync([_contacts], null, "bench", CancellationToken.None).GetAwaiter().GetResult();
        _db.ChangeTracker.Clear();
    }

    [IterationCleanup(Target = nameof(ImportIntoSqlite))]
    public void DeleteDatabase()
    {
        _db?.Dispose();
        File.Delete(_path);
    }

    [Benchmark]
    public int CheckOnly()
    {
        var problems = new List<ImportProblem>();
        return ImportParser.Parse(_measures, null, problems)!.RowCount + problems.Count;
    }

    [Benchmark]
    public async Task<int> ImportIntoSqlite()
    {
        var outcome = await new PprrImporter(_db!, TimeProvider.System).ImportAsync([_measures], null, "bench", CancellationToken.None);
        return outcome.Files[0].Rows;
    }
}
