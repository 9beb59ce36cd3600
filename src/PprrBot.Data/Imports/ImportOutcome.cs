namespace PprrBot.Data.Imports;

public enum ImportFileStatus
{
    Imported,

    /// <summary>A file with the same SHA-256 was imported before as the same kind; nothing changed.</summary>
    AlreadyImported,
}

public sealed record ImportedFile(string FileName, ImportKind Kind, int Rows, ImportFileStatus Status, int? ImportId);

/// <summary>What an import did: every file's fate, or every problem found (and then nothing was imported).</summary>
public sealed record ImportOutcome(IReadOnlyList<ImportedFile> Files, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportOutcome Rejected(IReadOnlyList<ImportProblem> problems) => new([], problems);
}

/// <summary>A file to import: its name (for messages and the import log) and its bytes (hashed as they are).</summary>
public sealed record ImportSource(string FileName, byte[] Content)
{
    public static async Task<ImportSource> FromFileAsync(string path, CancellationToken cancellationToken) =>
        new(Path.GetFileName(path), await File.ReadAllBytesAsync(path, cancellationToken));
}
