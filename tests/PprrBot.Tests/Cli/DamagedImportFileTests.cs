using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Imports;
using PprrBot.Data.Sqlite;

namespace PprrBot.Tests.Cli;

/// <summary>
/// What `pprrbot import` is given by mistake, made by FsCheck generators: random bytes, CSVs cut off mid-row, wrong
/// headers, huge cells, "XLSX" files that are not a zip or are a zip of junk. Each must be refused with problems to
/// show the officer, and nothing may be imported: afterwards the database holds only the contacts loaded first.
/// </summary>
public sealed class DamagedImportFileTests : IAsyncDisposable
{
    private const int Cases = 800;

    private static readonly string[] CsvNames = ["measures.csv", "contacts.csv", "finance.csv", "savings.csv", "meetings.csv", "definitions.csv"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pprr-damaged-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task EveryDamagedFileIsRefusedWithProblemsAndNothingIsImported()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        // Contacts first, so a damaged measures file is refused for its damage, not for owners it cannot find.
        var contacts = await new PprrImporter(db, TimeProvider.System).ImportAsync(
            [new ImportSource("contacts.csv", Encoding.UTF8.GetBytes(SampleText("contacts.csv")))], null, "property test", TestContext.Current.CancellationToken);
        Assert.True(contacts.Succeeded);
        var contactCount = await db.Contacts.CountAsync(TestContext.Current.CancellationToken);
        var failures = new List<string>();

        foreach (var file in DamagedFiles().Sample(Cases))
        {
            db.ChangeTracker.Clear();
            var outcome = await new PprrImporter(db, TimeProvider.System).ImportAsync([file], null, "property test", TestContext.Current.CancellationToken);
            if (outcome.Succeeded || outcome.Problems.Any(p => string.IsNullOrWhiteSpace(p.ToString())))
            {
                failures.Add($"{file.FileName} ({file.Content.Length} bytes) was not refused with a problem: {Preview(file)}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(1, await db.Imports.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Measures.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.FinanceLines.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(contactCount, await db.Contacts.CountAsync(TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    private SqlitePprrDbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqlitePprrDbContext>().UseSqlite($"Data Source={_path}").Options);

    private static string Preview(ImportSource file) => Encoding.UTF8.GetString(file.Content.AsSpan(0, Math.Min(200, file.Content.Length)));

    private static Gen<ImportSource> DamagedFiles() =>
        Gen.OneOf(RandomBytes(), CutMidRow(), WrongHeaders(), HugeCell(), XlsxNotAZip(), XlsxZipOfJunk());

    private static Gen<ImportSource> RandomBytes() =>
        from name in Gen.Elements(CsvNames)
        from bytes in ArbMap.Default.GeneratorFor<byte[]>()
        select new ImportSource(name, bytes ?? []);

    /// <summary>A sample file cut inside its first data row, before the row's third field.</summary>
    private static Gen<ImportSource> CutMidRow() =>
        from name in Gen.Elements(CsvNames)
        let text = SampleText(name)
        let rowStart = text.IndexOf('\n', StringComparison.Ordinal) + 1
        from cut in Gen.Choose(1, Math.Max(1, FieldStart(text, rowStart, 2) - rowStart - 1))
        select new ImportSource(name, Encoding.UTF8.GetBytes(text[..(rowStart + cut)]));

    /// <summary>The right rows under headers that are all misspelt, shuffled, and one short.</summary>
    private static Gen<ImportSource> WrongHeaders() =>
        from name in Gen.Elements(CsvNames)
        let text = SampleText(name)
        let header = text[..text.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r').Split(',')
        from shuffled in Gen.Shuffle(header)
        from misspelling in Gen.Elements("_old", " (2019)", "x", "\u00a0", "s")
        let damaged = shuffled.Skip(1).Select(h => h.Trim('"') + misspelling)
        select new ImportSource(name, Encoding.UTF8.GetBytes(string.Join(',', damaged) + text[text.IndexOf('\n', StringComparison.Ordinal)..]));

    /// <summary>A measures file whose first row has a huge cell where a number belongs.</summary>
    private static Gen<ImportSource> HugeCell() =>
        from size in Gen.Choose(10_000, 400_000)
        from c in Gen.Elements('9', 'x', ' ', '"', '\u00e9')
        let text = SampleText("measures.csv")
        let rowStart = text.IndexOf('\n', StringComparison.Ordinal) + 1
        let valueStart = FieldStart(text, rowStart, 10)
        let valueEnd = text.IndexOf(',', valueStart)
        let cell = c == '"' ? "\"" + new string('x', size) : new string(c, size) + "x"
        select new ImportSource("measures.csv", Encoding.UTF8.GetBytes(text[..valueStart] + cell + text[valueEnd..]));

    private static Gen<ImportSource> XlsxNotAZip() =>
        from bytes in ArbMap.Default.GeneratorFor<byte[]>()
        from prefix in Gen.Elements<byte[]>([], "PK"u8.ToArray(), [0x50, 0x4B, 0x03, 0x04])
        select new ImportSource("measures.xlsx", [.. prefix, .. bytes ?? []]);

    private static Gen<ImportSource> XlsxZipOfJunk() =>
        from entries in Gen.Zip(Gen.Elements("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "junk.bin"), ArbMap.Default.GeneratorFor<byte[]>()).ListOf(3)
        select new ImportSource("measures.xlsx", Zip(entries));

    private static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries.DistinctBy(e => e.Name))
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content ?? []);
            }
        }

        return stream.ToArray();
    }

    private static string SampleText(string name)
    {
        using var reader = new StreamReader(SampleDataSet.Open(name));
        return reader.ReadToEnd();
    }

    /// <summary>Where field <paramref name="index"/> (0-based) of the row starting at <paramref name="rowStart"/> begins, honouring quotes.</summary>
    private static int FieldStart(string text, int rowStart, int index)
    {
        var quoted = false;
        var field = 0;
        for (var i = rowStart; i < text.Length && field < index; i++)
        {
            if (text[i] == '"')
            {
                quoted = !quoted;
            }
            else if (text[i] == ',' && !quoted)
            {
                field++;
                if (field == index)
                {
                    return i + 1;
                }
            }
        }

        return rowStart;
    }
}
