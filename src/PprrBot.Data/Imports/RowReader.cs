using System.Globalization;

namespace PprrBot.Data.Imports;

/// <summary>Reads one row's cells by column name and records a problem for every cell that is not as expected.</summary>
internal sealed class RowReader(TabularFile file, List<ImportProblem> problems)
{
    private const NumberStyles NumberStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private readonly Dictionary<string, int> _columns = file.Headers
        .Select((header, index) => (header, index))
        .Where(h => h.header.Length > 0)
        .GroupBy(h => h.header, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().index, StringComparer.OrdinalIgnoreCase);

    public TabularRow Row { get; set; } = new(1, []);

    public bool HasColumn(string column) => _columns.ContainsKey(column);

    public void Problem(string column, string message) =>
        problems.Add(new ImportProblem(file.FileName, Row.Number, column, message));

    /// <summary>The cell's text, or null when it is empty or the file has no such column.</summary>
    public string? Text(string column) =>
        _columns.TryGetValue(column, out var index) && index < Row.Cells.Count && Row.Cells[index].Length > 0
            ? Row.Cells[index]
            : null;

    public string Required(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            Problem(column, "expected a value; the cell is empty");
        }

        return text ?? "";
    }

    public decimal? Number(string column, bool required = false)
    {
        var text = required ? NullIfEmpty(Required(column)) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Problem(column, $"expected a number such as 72.5 (a full stop for decimals; no %, £ or thousands separators); found {TabularFile.Quote(text)}");
        return null;
    }

    public decimal? WholeNumber(string column, bool required = false)
    {
        var number = Number(column, required);
        if (number is { } n && n != decimal.Truncate(n))
        {
            Problem(column, $"expected a whole number; found {TabularFile.Quote(Text(column))}");
            return null;
        }

        return number;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var text = required ? NullIfEmpty(Required(column)) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(column, $"expected a date as YYYY-MM-DD, such as 2020-12-09; found {TabularFile.Quote(text)}");
        return null;
    }

    public TimeOnly? Time(string column)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Problem(column, $"expected a 24-hour time as HH:MM, such as 18:00; found {TabularFile.Quote(text)}");
        return null;
    }

    public T? Word<T>(string column, WordMap<T> words, bool required = false)
        where T : struct
    {
        var text = required ? NullIfEmpty(Required(column)) : Text(column);
        if (text is null)
        {
            return null;
        }

        if (words.TryParse(text, out var value))
        {
            return value;
        }

        Problem(column, $"expected {words.Expected}; found {TabularFile.Quote(text)}");
        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
