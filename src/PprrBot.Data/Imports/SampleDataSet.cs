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

    private static readonly Lazy<SqliteConnection> InMemory = new(LoadInMemory);

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
    /// <summary>
    /// The sample as a snapshot of its own: every call gets fresh entities, so a test that changes one
    /// (an officer's Teams id, say) cannot leak into another. The import runs once per process into an
    /// in-memory database that stays open.
    /// </summary>
    public static PprrSnapshot LoadSnapshot(DateTimeOffset loadedAt)
    {
        lock (InMemory)
        {
            using var db = Context(InMemory.Value);
            return PprrSnapshotLoader.LoadSourceAsync(db, CancellationToken.None).GetAwaiter().GetResult().Build(loadedAt);
        }
    }

    private static SqliteConnection LoadInMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = Context(connection);
        db.Database.Migrate();
        var outcome = new PprrImporter(db, TimeProvider.System).ImportSampleAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The embedded sample data set does not pass the importer's checks: " + string.Join("; ", outcome.Problems));
        }

        return connection;
    }

    private static SqlitePprrDbContext Context(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite(connection).Options);
}
