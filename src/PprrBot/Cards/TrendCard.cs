using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// A measure's direction of travel over every period held: each period's value (oldest first, starting with
/// the year before the first row), target and rating, and the direction judged by polarity.
/// </summary>
internal static class TrendCard
{
    public static BotMessage Build(PprrSnapshot snapshot, MeasureView measure)
    {
        var unit = measure.Measure.Unit;
        var latest = measure.Latest ?? throw new ArgumentException($"{measure.Code} has no rows.", nameof(measure));
        var series = TrendWording.Series(measure, latest);
        var valued = series.Where(p => p.Value is not null).ToList();

        var document = new CardDocument(snapshot);
        document.Add(Heading($"Trend: {measure.Code}: {measure.Name}", size: "Medium"));
        document.Add(Text(MeasureWording.PriorityLine(measure.Priority), size: "Small", subtle: true, spacing: "None"));

        string overall;
        string overallSpoken;
        if (valued.Count >= 2)
        {
            var (first, last) = (valued[0], valued[^1]);
            var direction = TrendWording.Direction(measure.Measure.Polarity, first.Value!.Value, last.Value!.Value);
            var polarity = measure.Measure.Polarity == Polarity.Context ? "" : $" ({MeasureWording.PolarityWords(measure.Measure.Polarity)})";
            overall = $"From {UkFormat.Value(first.Value.Value, unit)} in {first.Period} to {UkFormat.Value(last.Value.Value, unit)} in {last.Period}: {direction}{polarity}.";
            overallSpoken = $"From {UkFormat.SpokenValue(first.Value.Value, unit)} in {first.Period} to {UkFormat.SpokenValue(last.Value.Value, unit)} in {last.Period}: {direction}.";
        }
        else
        {
            overall = "Not enough figures are held to show a trend.";
            overallSpoken = overall;
        }

        document.Add(Container([Text(overall, weight: "Bolder")], style: "emphasis", spacing: "Medium"));
        document.Add(Heading("Period by period", size: "Default", spacing: "Medium"));
        document.Add(Facts(series.Select(p => (p.Period, PointLine(measure, p))), spacing: "Small"));

        foreach (var gap in series.Where(p => p.Value is null && p.Row is not null))
        {
            document.Add(Text($"No {gap.Period} figure: {gap.Row!.Commentary ?? "the report gives no reason."}", size: "Small", spacing: "Small"));
        }

        document.Add(Text("Source: " + string.Join("; ", measure.Results.Select(r => r.Report).Distinct()), size: "Small", subtle: true, spacing: "Medium"));
        document.Action(Submit("Show the measure", CardData.Show(measure.Code)));
        document.Action(Submit("Ask the officer", CardData.RouteStart(measure.Code)));

        var summary = $"{measure.Code} trend: {overall}";
        return document.ToMessage(
            $"Trend for {measure.Code}, {UkFormat.SpokenText(measure.Name)}. {overallSpoken}",
            $"{measure.Code} {measure.Name}. {overall}",
            summary,
            snapshot);
    }

    private static string PointLine(MeasureView measure, TrendPoint point)
    {
        var unit = measure.Measure.Unit;
        if (point.Value is null)
        {
            return "no figure";
        }

        if (point.Row is null)
        {
            return UkFormat.Value(point.Value.Value, unit) + " (from the next year's previous value)";
        }

        var parts = new List<string> { UkFormat.Value(point.Value.Value, unit) };
        if (point.Row.Target is { } target)
        {
            parts.Add("target " + UkFormat.Value(target, unit));
        }

        parts.Add(RagWording.Word(point.Row.ReportedRag));
        if (TrendWording.DirectionOf(measure.Measure, point.Row) is { } direction)
        {
            parts.Add(direction);
        }

        return string.Join(" · ", parts);
    }
}
