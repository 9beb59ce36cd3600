using System.Globalization;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;

namespace PprrBot.Cards;

/// <summary>One point of a measure's trend: a period and its value (null when there was no figure).</summary>
internal sealed record TrendPoint(string Period, decimal? Value, MeasureResult? Row);

/// <summary>The one place that reads a direction of travel from a measure's rows.</summary>
internal static class TrendWording
{
    /// <summary>
    /// "improving", "worsening" or "no change" by polarity; "up", "down" or "no change" for context
    /// measures, which have no better direction.
    /// </summary>
    public static string Direction(Polarity polarity, decimal from, decimal to)
    {
        if (from == to)
        {
            return "no change";
        }

        var rose = to > from;
        return polarity switch
        {
            Polarity.HigherIsBetter => rose ? "improving" : "worsening",
            Polarity.LowerIsBetter => rose ? "worsening" : "improving",
            _ => rose ? "up" : "down",
        };
    }

    /// <summary>
    /// The periods held up to and including <paramref name="upTo"/>, oldest first, starting with the first
    /// row's previous value as the year before it.
    /// </summary>
    public static IReadOnlyList<TrendPoint> Series(MeasureView measure, MeasureResult upTo)
    {
        var points = new List<TrendPoint>();
        var rows = measure.Results.TakeWhile(r => r.PeriodEnd <= upTo.PeriodEnd).ToList();
        if (rows.Count > 0 && rows[0].PreviousValue is { } before)
        {
            points.Add(new TrendPoint(PeriodBefore(rows[0].Period), before, null));
        }

        points.AddRange(rows.Select(r => new TrendPoint(r.Period, r.Value, r)));
        return points;
    }

    /// <summary>The direction from a row's previous value to its value, or null when either is missing.</summary>
    public static string? DirectionOf(Measure measure, MeasureResult row) =>
        row.Value is { } value && row.PreviousValue is { } previous ? Direction(measure.Polarity, previous, value) : null;

    /// <summary>The period a row's previous value belongs to: the row before it, or the year before the first row.</summary>
    public static string PreviousLabel(MeasureView measure, MeasureResult row) =>
        measure.Before(row)?.Period ?? PeriodBefore(row.Period);

    /// <summary>"2018/19" → "2017/18"; anything else → "the year before".</summary>
    public static string PeriodBefore(string period)
    {
        if (period.Length == 7 && period[4] == '/'
            && int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return $"{start - 1}/{(start % 100):00}";
        }

        return "the year before";
    }
}
