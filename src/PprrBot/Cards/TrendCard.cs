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
        document.Add(Heading($"{measure.Code}: {measure.Name}", size: "Medium"));
        document.Add(Text("Trend over the periods held · " + MeasureWording.PriorityLine(measure.Priority), size: "Small", subtle: true, spacing: "None"));

        // The latest step leads: "improving since 2017/18" would hide a fall in the latest period.
        string overall;
        string overallSpoken;
        if (valued.Count >= 2)
        {
            var (first, previous, last) = (valued[0], valued[^2], valued[^1]);
            var polarity = measure.Measure.Polarity == Polarity.Context ? "" : $" ({MeasureWording.PolarityWords(measure.Measure.Polarity)})";
            var latestDirection = TrendWording.Direction(measure.Measure.Polarity, previous.Value!.Value, last.Value!.Value);
            overall = $"Latest: {UkFormat.Value(last.Value.Value, unit)} in {last.Period}, {latestDirection} from {UkFormat.Value(previous.Value.Value, unit)} in {previous.Period}{polarity}.";
            overallSpoken = $"Latest: {UkFormat.SpokenValue(last.Value.Value, unit)} in {last.Period}, {latestDirection} from {UkFormat.SpokenValue(previous.Value.Value, unit)} in {previous.Period}.";
            if (valued.Count > 2)
            {
                var longDirection = TrendWording.Direction(measure.Measure.Polarity, first.Value!.Value, last.Value.Value);
                overall += $" Since {first.Period} ({UkFormat.Value(first.Value.Value, unit)}): {longDirection}.";
                overallSpoken += $" Since {first.Period}, when it was {UkFormat.SpokenValue(first.Value.Value, unit)}: {longDirection}.";
            }
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
            summary);
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
            return UkFormat.Value(point.Value.Value, unit) + " (previous year)";
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
