using System.Globalization;
using System.Text;
using CsvHelper;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Tests.Imports;

/// <summary>The embedded sample files, and copies of them with one cell changed (read and written with CsvHelper).</summary>
public static class SampleFiles
{
    public static TheoryData<string> Names => new(SampleDataSet.FileNames);

    public static ImportSource Source(string fileName) =>
        SampleDataSet.Sources().Single(s => s.FileName == fileName);

    public static List<string[]> Rows(string fileName) => Read(Source(fileName).Content);

    public static List<string[]> Read(byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    /// <summary>A copy of a sample file with one cell changed; row is counted as a spreadsheet counts it (header = 1).</summary>
    public static ImportSource WithCell(string fileName, int row, string column, string value)
    {
        var rows = Rows(fileName);
        rows[row - 1][Array.IndexOf(rows[0], column)] = value;
        return new ImportSource(fileName, GeneratedCsv.Write(rows));
    }

    /// <summary>The spreadsheet row number of a measures.csv row.</summary>
    public static int MeasureRow(string code, string period)
    {
        var rows = Rows("measures.csv");
        var codeAt = Array.IndexOf(rows[0], "code");
        var periodAt = Array.IndexOf(rows[0], "period");
        return rows.FindIndex(r => r[codeAt] == code && r[periodAt] == period) + 1;
    }
}
