using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// Stockport against England, the North West and statistical neighbours for one row, with the period the
/// comparators refer to. "Better" or "worse" only where the measure has a better direction.
/// </summary>
internal static class ComparisonCard
{
    public static BotMessage Build(PprrSnapshot snapshot, MeasureView measure, MeasureResult row)
    {
        var unit = measure.Measure.Unit;
        var document = new CardDocument(snapshot);
        document.Add(Heading($"{measure.Code}: {measure.Name}", size: "Medium"));
        document.Add(Text("Compared with England, the North West and statistical neighbours · " + MeasureWording.PriorityLine(measure.Priority), size: "Small", subtle: true, spacing: "None"));

        var comparators = MeasureWording.Comparators(row).ToList();
        if (row.Value is not { } value || comparators.Count == 0)
        {
            var reason = row.Value is null
                ? $"There is no Stockport figure for {row.Period}, so there is nothing to compare."
                : $"No England, North West or statistical-neighbour figure is held for {measure.Code}; comparators are only given where a benchmark exists.";
            document.Add(Text(reason, spacing: "Medium"));
            document.Action(Submit("Show the measure", CardData.Show(measure.Code)));
            return document.ToMessage($"{measure.Code}. {reason}", $"{measure.Code}: {reason}", $"{measure.Code} comparison: none held");
        }

        document.Add(Container(
            [
                Text($"Stockport {row.Period}: {UkFormat.Value(value, unit)}", size: "Large", weight: "Bolder"),
                Text("Comparators for " + row.ComparatorPeriod, spacing: "None"),
            ],
            style: "emphasis",
            spacing: "Medium"));

        var lines = comparators.Select(c => (c.Name, Line(measure.Measure, value, c.Label, c.Value, spoken: false), Line(measure.Measure, value, c.Label, c.Value, spoken: true))).ToList();
        foreach (var (name, line, _) in lines)
        {
            document.Add(Text(name, weight: "Bolder", spacing: "Medium"));
            document.Add(Text(line, spacing: "None"));
        }

        if (measure.Measure.Polarity == Polarity.Context)
        {
            document.Add(Text("A context measure: it describes demand, so higher or lower is neither better nor worse.", size: "Small", subtle: true, spacing: "Medium"));
        }

        document.Add(Text($"Source: {MeasureWording.ReportLine(snapshot, row.Report, row.MeetingDate)}. Provenance: {MeasureWording.ProvenanceWords(row.Provenance) ?? "not recorded"}.", size: "Small", subtle: true, spacing: "Medium"));
        document.Action(Submit("Show the measure", CardData.Show(measure.Code)));
        document.Action(Submit("Trend", CardData.Trend(measure.Code)));
        document.Action(Submit("Ask the officer", CardData.RouteStart(measure.Code, row.Period)));

        var speak = $"{measure.Code}, {UkFormat.SpokenText(measure.Name)}. Stockport {row.Period}: {UkFormat.SpokenValue(value, unit)}. " + string.Join(" ", lines.Select(l => l.Item3 + "."));
        var fallback = $"{measure.Code} {measure.Name}, {row.Period}: {UkFormat.Value(value, unit)}. " + string.Join(" ", lines.Select(l => l.Item2 + "."));
        return document.ToMessage(speak, fallback, $"{measure.Code} comparison: {lines[0].Item2}");
    }

    /// <summary>
    /// "Stockport (10.4%) is 0.5 points below the England figure of 10.9%: better." Judged as numbers,
    /// with better or worse only where polarity gives a direction.
    /// </summary>
    public static string Line(Measure measure, decimal stockport, string label, decimal other, bool spoken)
    {
        string Value(decimal v) => spoken ? UkFormat.SpokenValue(v, measure.Unit) : UkFormat.Value(v, measure.Unit);
        var difference = stockport - other;
        if (difference == 0)
        {
            return $"Stockport ({Value(stockport)}) is the same as {label} of {Value(other)}";
        }

        var gap = spoken ? UkFormat.SpokenDifference(difference, measure.Unit) : UkFormat.Difference(difference, measure.Unit);
        var side = difference > 0 ? "above" : "below";
        var judgement = measure.Polarity switch
        {
            Polarity.HigherIsBetter => difference > 0 ? ": better" : ": worse",
            Polarity.LowerIsBetter => difference < 0 ? ": better" : ": worse",
            _ => "",
        };
        return $"Stockport ({Value(stockport)}) is {gap} {side} {label} of {Value(other)}{judgement}";
    }
}
