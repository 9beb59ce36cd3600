namespace PprrBot.Data.Imports;

/// <summary>
/// One thing wrong with an import file, where a person would look for it: rows are counted as a spreadsheet
/// shows them (the header is row 1). Row 0 means the file as a whole.
/// </summary>
public sealed record ImportProblem(string File, int Row, string Column, string Message)
{
    public override string ToString() =>
        Row == 0 ? $"{File}: {Message}" : $"{File}, row {Row}, column {Column}: {Message}";
}
