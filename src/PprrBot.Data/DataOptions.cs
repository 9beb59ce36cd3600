using System.ComponentModel.DataAnnotations;

namespace PprrBot.Data;

public enum DataProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the PPRR data lives. Section "Data".</summary>
public sealed class DataOptions
{
    public const string SectionName = "Data";

    /// <summary>Sqlite (default: one file, one instance) or Postgres (several instances; needs ConnectionStrings:Pprr).</summary>
    public DataProvider Provider { get; set; } = DataProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless absolute. Its folder is created on start.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/pprrbot.db";

    /// <summary>How often, in seconds, the bot checks the import log for an import made by another process; 0 turns it off.</summary>
    [Range(0, 86_400)]
    public int RefreshSeconds { get; set; } = 30;

    /// <summary>Load the embedded sample data set when the database holds no data.</summary>
    public bool LoadSampleWhenEmpty { get; set; } = true;
}
