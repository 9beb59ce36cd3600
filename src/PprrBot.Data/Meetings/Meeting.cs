namespace PprrBot.Data.Meetings;

public sealed class Meeting
{
    public int Id { get; set; }

    public required string Committee { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>Start time, UK local time.</summary>
    public TimeOnly? Time { get; set; }

    public required string Item { get; set; }

    /// <summary>The report the meeting considers, e.g. Mid-Year PPRR 2020/21.</summary>
    public required string Report { get; set; }

    public DateOnly? CabinetDate { get; set; }

    public string? Provenance { get; set; }

    public int? ImportId { get; set; }
}
