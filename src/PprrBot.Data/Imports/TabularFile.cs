using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using CsvHelper.Configuration;

namespace PprrBot.Data.Imports;

/// <summary>A data row and its number as a spreadsheet shows it (the header is row 1).</summary>
internal sealed record TabularRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// A CSV or XLSX file as header + rows of text, so one validator serves both formats.
/// CSV through CsvHelper; XLSX through ClosedXML (first worksheet, header in row 1).
/// </summary>
internal sealed class TabularFile
{
    private TabularFile(string fileName, IReadOnlyList<string> headers, IReadOnlyList<TabularRow> rows, IReadOnlyList<ImportProblem> problems)
    {
        FileName = fileName;
        Headers = headers;
        Rows = rows;
        Problems = problems;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<TabularRow> Rows { get; }

    /// <summary>Problems in the file's structure (bad quoting, a row wider than the header).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() is ".CSV" or ".XLSX";

    public static TabularFile Read(ImportSource source)
    {
        var extension = Path.GetExtension(source.FileName).ToUpperInvariant();
        return extension switch
        {
            ".CSV" => ReadCsv(source),
            ".XLSX" => ReadXlsx(source),
            _ => throw new ArgumentException($"{source.FileName}: expected a .csv or .xlsx file.", nameof(source)),
        };
    }

    private static TabularFile ReadCsv(ImportSource source)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<TabularRow>();
        string[] headers = [];
        var recordNumber = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            BadDataFound = args => problems.Add(new ImportProblem(
                source.FileName, recordNumber + 1, "", $"expected a field quoted as in RFC 4180 (a quote inside a field is doubled); found {Quote(args.Field)}")),
        };

        using var reader = new StreamReader(new MemoryStream(source.Content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, config);
        while (parser.Read())
        {
            recordNumber++;
            var cells = parser.Record ?? [];
            if (recordNumber == 1)
            {
                headers = cells.Select(h => h.Trim()).ToArray();
                continue;
            }

            if (cells.Length > headers.Length && cells.Skip(headers.Length).Any(c => c.Length > 0))
            {
                problems.Add(new ImportProblem(source.FileName, recordNumber, "",
                    $"expected at most {headers.Length} fields, as in the header row; found {cells.Length} (is a field with a comma not quoted?)"));
            }

            rows.Add(new TabularRow(recordNumber, cells.Select(c => c.Trim()).ToArray()));
        }

        return new TabularFile(source.FileName, headers, rows, problems);
    }

    private static TabularFile ReadXlsx(ImportSource source)
    {
        try
        {
            return ReadWorkbook(source);
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException
                                   or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidOperationException
                                   or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException
                                   or IOException or IndexOutOfRangeException or NullReferenceException)
        {
            // A damaged workbook, or another file renamed .xlsx: ClosedXML and OpenXML throw many types for these (a
            // damaged package is a FileFormatException, a FormatException)
            // (found by tests/PprrBot.Tests/Cli/DamagedImportFileTests); the officer gets one clear problem instead.
            return new TabularFile(source.FileName, [], [], [new ImportProblem(source.FileName, 0, "",
                "expected an Excel workbook (.xlsx) with the data on its first sheet; the file could not be opened as one (is it damaged, or another kind of file renamed .xlsx?)")]);
        }
    }

    private static TabularFile ReadWorkbook(ImportSource source)
    {
        using var workbook = new XLWorkbook(new MemoryStream(source.Content));
        var sheet = workbook.Worksheet(1);
        var lastColumn = sheet.Row(1).LastCellUsed()?.Address.ColumnNumber ?? 0;
        var headers = Enumerable.Range(1, lastColumn).Select(c => CellText(sheet.Cell(1, c)).Trim()).ToArray();
        var rows = new List<TabularRow>();
        foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > 1))
        {
            var cells = Enumerable.Range(1, lastColumn).Select(c => CellText(row.Cell(c)).Trim()).ToArray();
            rows.Add(new TabularRow(row.RowNumber(), cells));
        }

        return new TabularFile(source.FileName, headers, rows, []);
    }

    /// <summary>
    /// A cell as the text a CSV would hold: numbers with the decimals their cell format shows (so 95.0 stays
    /// 95.0), dates as YYYY-MM-DD, times as HH:MM.
    /// </summary>
    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return "";
        }

        switch (cell.DataType)
        {
            case XLDataType.Number:
                var number = (decimal)cell.GetDouble();
                var decimals = DecimalsShown(cell.Style.NumberFormat);
                return decimals is null
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : Math.Round(number, decimals.Value, MidpointRounding.AwayFromZero).ToString("F" + decimals.Value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            case XLDataType.DateTime:
                var at = cell.GetDateTime();
                return at.Date <= new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Unspecified)
                    ? at.ToString("HH:mm", CultureInfo.InvariantCulture)
                    : at.TimeOfDay == TimeSpan.Zero
                        ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            case XLDataType.TimeSpan:
                return cell.GetTimeSpan().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
            default:
                return cell.GetString();
        }
    }

    private static int? DecimalsShown(IXLNumberFormat format)
    {
        var code = string.IsNullOrEmpty(format.Format)
            ? format.NumberFormatId switch { 1 => "0", 2 => "0.00", _ => "" }
            : format.Format;
        if (code.Length == 0 || code.Equals("General", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var point = code.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : code.Skip(point + 1).TakeWhile(c => c is '0' or '#').Count();
    }

    public static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "nothing";
        }

        var shown = text.Length > 60 ? text[..57] + "..." : text;
        return $"\"{shown}\"";
    }
}
