using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PprrBot.Data.ReadModel;
using PprrBot.Data.Sqlite;

namespace PprrBot.Data.Imports;

/// <summary>
/// The embedded sample data set (a copy of the reference files). It goes through <see cref="PprrImporter"/>,
/// like any council's files, and is marked as sample.
/// </summary>
public static class SampleDataSet
{
    public const string ImportedBy = "PprrBot (embedded sample)";

    public static readonly string[] FileNames = ["contacts.csv", "meetings.csv", "measures.csv", "definitions.csv", "finance.csv", "savings.csv"];

    private static readonly Lazy<PprrSnapshotSource> InMemory = new(LoadInMemory);

    public static Stream Open(string fileName) =>
        typeof(SampleDataSet).Assembly.GetManifestResourceStream($"PprrBot.Data.Sample.{fileName}")
        ?? throw new FileNotFoundException($"The embedded sample file {fileName} is missing from the build.");

    public static IReadOnlyList<ImportSource> Sources() =>
        FileNames.Select(name =>
        {
            using var stream = Open(name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new ImportSource(name, copy.ToArray());
        }).ToList();

    /// <summary>
    /// The sample as a snapshot without any database of the caller's: imported once per process into an
    /// in-memory SQLite database through the real importer. For tests and tools.
    /// </summary>
    public static PprrSnapshot LoadSnapshot(DateTimeOffset loadedAt) => InMemory.Value.Build(loadedAt);

    private static PprrSnapshotSource LoadInMemory()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqlitePprrDbContext(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();
        var outcome = new PprrImporter(db, TimeProvider.System).ImportSampleAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The embedded sample data set does not pass the importer's checks: " + string.Join("; ", outcome.Problems));
        }

        return PprrSnapshotLoader.LoadSourceAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }
}
