using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Cards;

/// <summary>Words about a measure row that several cards share: its figure, source and provenance.</summary>
internal static class MeasureWording
{
    /// <summary>"10.4%", or "no figure" when the row has none.</summary>
    public static string ValueOrNone(MeasureResult row, MeasureUnit unit) =>
        row.Value is { } value ? UkFormat.Value(value, unit) : "no figure";

    public static string SpokenValueOrNone(MeasureResult row, MeasureUnit unit) =>
        row.Value is { } value ? UkFormat.SpokenValue(value, unit) : "no figure";

    /// <summary>"Priority 2: Good schools, attendance, ...".</summary>
    public static string PriorityLine(PriorityView priority) => $"{priority.Label}: {priority.Title}";

    /// <summary>
    /// Where the row comes from: "Annual PPRR 2019/20, considered by the Children &amp; Families Scrutiny
    /// Committee on 10 June 2020".
    /// </summary>
    public static string ReportLine(PprrSnapshot snapshot, string report, DateOnly? meetingDate)
    {
        var meeting = snapshot.Meetings.FirstOrDefault(m => string.Equals(m.Report, report, StringComparison.OrdinalIgnoreCase)
            && (meetingDate is null || m.Date == meetingDate));
        if (meeting is not null)
        {
            return $"{report}, considered by the {meeting.Committee} on {UkFormat.Date(meeting.Date)}";
        }

        return meetingDate is { } date ? $"{report}, considered on {UkFormat.Date(date)}" : report;
    }

    /// <summary>The import a row was loaded by (or the latest import when the row does not say).</summary>
    public static string ImportLine(PprrSnapshot snapshot, int? importId)
    {
        var import = importId is { } id && snapshot.ImportsById.TryGetValue(id, out var found) ? found : snapshot.LastImport;
        if (import is null)
        {
            return "Import not recorded";
        }

        return import.IsSample
            ? $"The embedded sample data set, loaded {UkFormat.Date(import.ImportedAt)}"
            : $"{import.FileName}, imported {UkFormat.Date(import.ImportedAt)}";
    }

    /// <summary>The provenance tokens in words: "seed+national_verify+sample" → "committee papers; ...".</summary>
    public static string? ProvenanceWords(string? provenance)
    {
        if (string.IsNullOrWhiteSpace(provenance))
        {
            return null;
        }

        var words = provenance.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(token => token.ToLowerInvariant() switch
            {
                "seed" => "committee papers",
                "research" => "council research",
                "national" => "national statistics",
                "national_verify" => "England figure not yet verified",
                "sample" => "sample values",
                _ => token,
            });
        return string.Join("; ", words);
    }

    /// <summary>"higher is better", "lower is better" or "context: no better direction".</summary>
    public static string PolarityWords(Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "higher is better",
        Polarity.LowerIsBetter => "lower is better",
        _ => "context measure: no better direction",
    };

    public static string UnitWords(MeasureUnit unit) => unit switch
    {
        MeasureUnit.Percent => "a percentage",
        MeasureUnit.RatePer10000 => "a rate per 10,000 children aged under 18",
        MeasureUnit.Count => "a number",
        MeasureUnit.Score => "an average score",
        MeasureUnit.Days => "a number of days",
        _ => "pounds",
    };

    /// <summary>The comparators a row holds: name, the phrase for a sentence, and the figure.</summary>
    public static IEnumerable<(string Name, string Label, decimal Value)> Comparators(MeasureResult row)
    {
        if (row.England is { } england)
        {
            yield return ("England", "the England figure", england);
        }

        if (row.NorthWest is { } northWest)
        {
            yield return ("North West", "the North West average", northWest);
        }

        if (row.StatNeighbours is { } neighbours)
        {
            yield return ("Statistical neighbours", "the statistical neighbours' average", neighbours);
        }
    }
}
