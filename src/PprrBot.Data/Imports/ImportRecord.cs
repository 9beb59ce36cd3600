namespace PprrBot.Data.Imports;

public enum ImportKind
{
    Measures,
    Definitions,
    Finance,
    Savings,
    Contacts,
    Meetings,
}

/// <summary>One import: what was loaded, from which file, by whom. Every figure points back to one.</summary>
public sealed class ImportRecord
{
    public int Id { get; set; }

    public ImportKind Kind { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; set; }

    public int Rows { get; set; }

    public required string ImportedBy { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    /// <summary>True for the embedded sample data set, which is not official figures.</summary>
    public bool IsSample { get; set; }
}
