namespace PprrBot.Data.Measures;

/// <summary>One measure's figure for one reporting period, as a report printed it.</summary>
public sealed class MeasureResult
{
    public int Id { get; set; }

    public int MeasureId { get; set; }

    public Measure? Measure { get; set; }

    /// <summary>The period label as the report prints it: 2019/20, 2020/21 Q2.</summary>
    public required string Period { get; set; }

    /// <summary>Last day of the period (or the census date); orders periods whatever the frequency.</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>Empty when there is no figure; the commentary says why.</summary>
    public decimal? Value { get; set; }

    public decimal? Target { get; set; }

    public decimal? AmberTolerance { get; set; }

    /// <summary>The rating the report printed. It wins over <see cref="RagRule"/>.</summary>
    public Rag? ReportedRag { get; set; }

    public decimal? PreviousValue { get; set; }

    public decimal? England { get; set; }

    public decimal? NorthWest { get; set; }

    public decimal? StatNeighbours { get; set; }

    public string? ComparatorPeriod { get; set; }

    public string? Commentary { get; set; }

    /// <summary>The report the figure appears in, e.g. Mid-Year PPRR 2020/21.</summary>
    public required string Report { get; set; }

    public DateOnly? MeetingDate { get; set; }

    public string? SourceRef { get; set; }

    public string? Provenance { get; set; }

    /// <summary>The import that loaded this row, so an answer can cite its source.</summary>
    public int? ImportId { get; set; }
}
