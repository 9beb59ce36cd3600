using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;

namespace PprrBot.Data.Imports;

internal sealed record ParsedMeasureRow(int Row, string Portfolio, int PriorityNumber, string PriorityTitle, Measure Measure, MeasureResult Result);

internal sealed record ParsedDefinitionRow(int Row, string Code, string Definition, string? SourceRef, string? Provenance);

/// <summary>A parsed, checked file: its rows as entities not yet attached to the database.</summary>
internal sealed class ParsedFile(ImportSource source, ImportKind kind, string sha256, int rowCount)
{
    public ImportSource Source { get; } = source;

    public ImportKind Kind { get; } = kind;

    public string Sha256 { get; } = sha256;

    public int RowCount { get; } = rowCount;

    public List<ParsedMeasureRow> Measures { get; } = [];

    public List<ParsedDefinitionRow> Definitions { get; } = [];

    public List<(int Row, FinanceLine Line)> Finance { get; } = [];

    public List<(int Row, SavingsScheme Scheme)> Savings { get; } = [];

    public List<(int Row, Contact Contact)> Contacts { get; } = [];

    public List<(int Row, Meeting Meeting)> Meetings { get; } = [];

    /// <summary>Every owner role the file names, with where, for the check against the contacts.</summary>
    public List<(int Row, string Column, string Role)> OwnerRoles { get; } = [];
}
