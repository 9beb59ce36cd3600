using System.Globalization;
using System.Text.Json;
using ClosedXML.Excel;
using PprrBot.Data.Imports;

namespace PprrBot.Data.Tests.Imports;

public class XlsxImportTests
{
    [Theory]
    [MemberData(nameof(SampleFiles.Names), MemberType = typeof(SampleFiles))]
    public void XlsxAndCsvOfTheSameTableGiveTheSameData(string fileName)
    {
        var csv = SampleFiles.Source(fileName);
        var xlsx = new ImportSource(Path.ChangeExtension(fileName, ".xlsx"), AsSpreadsheet(SampleFiles.Rows(fileName)));
        var problems = new List<ImportProblem>();

        var fromCsv = ImportParser.Parse(csv, null, problems)!;
        var fromXlsx = ImportParser.Parse(xlsx, null, problems)!;

        Assert.Empty(problems);
        Assert.Equal(fromCsv.Kind, fromXlsx.Kind);
        Assert.Equal(Data(fromCsv), Data(fromXlsx));
    }

    [Fact]
    public void XlsxProblemsNameTheSpreadsheetRow()
    {
        var rows = SampleFiles.Rows("measures.csv");
        rows[5][Array.IndexOf(rows[0], "polarity")] = "better";
        var problems = new List<ImportProblem>();

        ImportParser.Parse(new ImportSource("measures.xlsx", AsSpreadsheet(rows)), null, problems);

        Assert.Equal("measures.xlsx, row 6, column polarity: expected one of higher_is_better, lower_is_better, context; found \"better\"", Assert.Single(problems).ToString());
    }

    /// <summary>The rows as a council's spreadsheet holds them: numbers and dates as typed cells, with number formats.</summary>
    private static byte[] AsSpreadsheet(List<string[]> rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Data");
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var text = rows[r][c];
                var cell = sheet.Cell(r + 1, c + 1);
                if (r > 0 && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    cell.Value = (double)number;
                    var point = text.IndexOf('.', StringComparison.Ordinal);
                    cell.Style.NumberFormat.Format = point < 0 ? "0" : "0." + new string('0', text.Length - point - 1);
                }
                else if (r > 0 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    cell.Value = date;
                    cell.Style.DateFormat.Format = "dd/mm/yyyy";
                }
                else
                {
                    cell.SetValue(text);
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static string Data(ParsedFile file) => JsonSerializer.Serialize(new
    {
        Measures = file.Measures.Select(m => new { m.Portfolio, m.PriorityNumber, m.PriorityTitle, m.Measure.Code, m.Measure.Name, m.Measure.Unit, m.Measure.Polarity, m.Measure.Frequency, m.Measure.OwnerRole, Result = m.Result }),
        file.Definitions,
        Finance = file.Finance.Select(f => f.Line),
        Savings = file.Savings.Select(s => s.Scheme),
        Contacts = file.Contacts.Select(c => c.Contact),
        Meetings = file.Meetings.Select(m => m.Meeting),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { ReferenceHandler = System.Text.Json.Serialization.ReferenceHandler.IgnoreCycles };
}
