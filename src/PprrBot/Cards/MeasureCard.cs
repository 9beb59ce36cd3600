using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>A measure and the row to show for it (chosen by the caller: the current position, or a named period).</summary>
internal sealed record MeasureSelection(MeasureView Measure, MeasureResult Row);

/// <summary>
/// The measure card: figure, target, RAG with its reason, trend, comparators, commentary, source, owner and
/// actions. Several measures ("primary and secondary") go in one card as sections, which reads better on
/// a phone than a run of separate messages.
/// </summary>
internal static class MeasureCard
{
    /// <summary>More sections than this belong in a list card.</summary>
    public const int MaxSections = 4;

    public static BotMessage Build(PprrSnapshot snapshot, MeasureView measure, MeasureResult row) =>
        Build(snapshot, [new MeasureSelection(measure, row)]);

    public static BotMessage Build(PprrSnapshot snapshot, IReadOnlyList<MeasureSelection> selections)
    {
        ArgumentOutOfRangeException.ThrowIfZero(selections.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(selections.Count, MaxSections);

        var document = new CardDocument(snapshot);
        var single = selections.Count == 1;
        if (!single)
        {
            document.Add(Heading($"{selections.Count} measures", size: "Medium"));
        }

        // The rating and its reason are worded once per measure and used on the card, in speech and in the summary.
        var rags = new RagExplanation[selections.Count];
        for (var i = 0; i < selections.Count; i++)
        {
            rags[i] = RagWording.Explain(selections[i].Measure.Measure, selections[i].Row);
            document.Add(Container(Section(snapshot, selections[i], rags[i], actionsInline: !single), separator: i > 0, spacing: i > 0 ? "ExtraLarge" : null));
        }

        if (single)
        {
            foreach (var action in Actions(selections[0]))
            {
                document.Action(action);
            }
        }

        var speak = string.Join(" ", selections.Select((s, i) => Speak(s, rags[i])));
        var fallback = string.Join(" ", selections.Select((s, i) => Fallback(s, rags[i])));
        var summary = string.Join("; ", selections.Select((s, i) => Summary(s, rags[i])));
        return document.ToMessage(speak, fallback, summary);
    }

    /// <summary>"CFE08 Persistent absence rate – all pupils: 10.4% (2018/19), Amber".</summary>
    private static string Summary(MeasureSelection selection, RagExplanation rag)
    {
        var (measure, row) = selection;
        return $"{measure.Code} {measure.Name}: {MeasureWording.ValueOrNone(row, measure.Measure.Unit)} ({row.Period}), {rag.Word}";
    }

    private static IEnumerable<CardObject> Section(PprrSnapshot snapshot, MeasureSelection selection, RagExplanation rag, bool actionsInline)
    {
        var (measure, row) = selection;
        var unit = measure.Measure.Unit;

        yield return Heading($"{measure.Code}: {measure.Name}", size: "Medium");
        yield return Text(MeasureWording.PriorityLine(measure.Priority), size: "Small", subtle: true, spacing: "None");

        yield return Container(RagBlock(measure, row, rag), style: RagWording.ContainerStyle(rag.Reported), spacing: "Medium");

        foreach (var element in MissingFigures(measure, row))
        {
            yield return element;
        }

        var series = TrendWording.Series(measure, row);
        if (series.Count > 1)
        {
            yield return Heading("Trend", size: "Default", spacing: "Medium");
            yield return Facts(series.Select(p => (p.Period, p.Value is { } v ? UkFormat.Value(v, unit) : "no figure")), spacing: "Small");
            if (TrendWording.DirectionOf(measure.Measure, row) is { } direction)
            {
                yield return Text(TrendLine(measure, row, direction), spacing: "Small");
            }
        }

        if (row.ComparatorPeriod is not null && (row.England ?? row.NorthWest ?? row.StatNeighbours) is not null)
        {
            yield return Heading("Compared with others", size: "Default", spacing: "Medium");
            yield return Text("Figures for " + row.ComparatorPeriod, size: "Small", subtle: true, spacing: "None");
            yield return Facts(MeasureWording.Comparators(row).Select(c => (c.Name, UkFormat.Value(c.Value, unit))), spacing: "Small");
        }

        if (!string.IsNullOrWhiteSpace(row.Commentary))
        {
            yield return Heading("Officer commentary", size: "Default", spacing: "Medium");
            yield return Text(row.Commentary, spacing: "Small");
        }

        yield return Facts(
            [
                ("Source", MeasureWording.ReportLine(snapshot, row.Report, row.MeetingDate)),
                ("Import", MeasureWording.ImportLine(snapshot, row.ImportId)),
                ("Provenance", MeasureWording.ProvenanceWords(row.Provenance) ?? "not recorded"),
                ("Owner", measure.Measure.OwnerRole),
            ],
            spacing: "Medium");

        if (actionsInline)
        {
            yield return ActionSet(Actions(selection, withCode: true), spacing: "Small");
        }
    }

    private static IEnumerable<CardObject> RagBlock(MeasureView measure, MeasureResult row, RagExplanation rag)
    {
        var unit = measure.Measure.Unit;
        var targetLine = row.Target is { } target ? $"Target {UkFormat.Value(target, unit)}" : "No target";
        yield return Columns(
            [
                Column([Text(MeasureWording.ValueOrNone(row, unit), size: "ExtraLarge", weight: "Bolder")], width: "auto"),
                Column(
                    [
                        Text(rag.Word, size: "Large", weight: "Bolder", color: RagWording.TextColour(rag.Reported)),
                        Text($"{row.Period} · {targetLine}", spacing: "None"),
                    ],
                    verticalAlignment: "Center"),
            ]);
        yield return Text(rag.Text, spacing: "Small");
        if (rag.OfficerReason is { } reason)
        {
            yield return Text("Officers' reason: " + reason, spacing: "Small");
        }
    }

    /// <summary>The honest line when later periods have no figure, or when the chosen row itself has none.</summary>
    private static IEnumerable<CardObject> MissingFigures(MeasureView measure, MeasureResult row)
    {
        if (row.Value is null)
        {
            var latest = measure.Results.LastOrDefault(r => r.Value is not null && r.PeriodEnd < row.PeriodEnd);
            if (latest is not null)
            {
                yield return Text(
                    $"The latest result is {latest.Period}: {UkFormat.Value(latest.Value!.Value, measure.Measure.Unit)} ({RagWording.Word(latest.ReportedRag)}).",
                    weight: "Bolder",
                    spacing: "Small");
            }

            yield break;
        }

        foreach (var later in measure.Results.Where(r => r.PeriodEnd > row.PeriodEnd && r.Value is null))
        {
            yield return Container(
                [
                    Text($"No {later.Period} figure", weight: "Bolder"),
                    Text(later.Commentary ?? "The report gives no reason.", spacing: "None"),
                    Text($"The latest result is {row.Period}.", spacing: "Small"),
                ],
                style: "emphasis",
                spacing: "Small");
        }
    }

    /// <summary>"Improving: down 0.4 points on 2017/18 (lower is better)."; for context measures just "Up 5 on 2019/20."</summary>
    private static string TrendLine(MeasureView measure, MeasureResult row, string direction)
    {
        var unit = measure.Measure.Unit;
        var change = row.Value!.Value - row.PreviousValue!.Value;
        var since = TrendWording.PreviousLabel(measure, row);
        var moved = change == 0 ? $"the same as {since}" : $"{(change > 0 ? "up" : "down")} {UkFormat.Difference(change, unit)} on {since}";
        return measure.Measure.Polarity == Polarity.Context
            ? Capitalise(moved) + "."
            : $"{Capitalise(direction)}: {moved} ({MeasureWording.PolarityWords(measure.Measure.Polarity)}).";
    }

    /// <param name="withCode">With several measures on one card, each button names its measure, so a screen
    /// reader does not hear three identical "Trend" buttons.</param>
    private static IEnumerable<CardObject> Actions(MeasureSelection selection, bool withCode = false)
    {
        var code = selection.Measure.Code;
        var suffix = withCode ? ": " + code : "";
        yield return Submit("Ask the officer" + suffix, CardData.RouteStart(code, selection.Row.Period));
        yield return Submit("Trend" + suffix, CardData.Trend(code));
        yield return Submit((withCode ? "Related" : "Related measures") + suffix, CardData.Related(code));
    }

    private static string Speak(MeasureSelection selection, RagExplanation rag)
    {
        var (measure, row) = selection;
        var unit = measure.Measure.Unit;
        var parts = new List<string> { $"{measure.Code}, {UkFormat.SpokenText(measure.Name)}." };
        parts.Add(row.Target is { } target
            ? $"{row.Period}: {MeasureWording.SpokenValueOrNone(row, unit)}, against a target of {UkFormat.SpokenValue(target, unit)}."
            : $"{row.Period}: {MeasureWording.SpokenValueOrNone(row, unit)}.");
        parts.Add(rag.Spoken + ".");
        if (TrendWording.DirectionOf(measure.Measure, row) is { } direction && row.PreviousValue is { } previous)
        {
            parts.Add($"{Capitalise(direction)}, from {UkFormat.SpokenValue(previous, unit)} in {TrendWording.PreviousLabel(measure, row)}.");
        }

        parts.AddRange(LaterGaps(measure, row).Select(p => $"There is no {p} figure."));
        return string.Join(" ", parts);
    }

    private static string Fallback(MeasureSelection selection, RagExplanation rag)
    {
        var (measure, row) = selection;
        var text = $"{measure.Code} {measure.Name}: {MeasureWording.ValueOrNone(row, measure.Measure.Unit)} ({row.Period}). {rag.Text}.";
        foreach (var period in LaterGaps(measure, row))
        {
            text += $" No {period} figure; the latest result is {row.Period}.";
        }

        return text;
    }

    private static IEnumerable<string> LaterGaps(MeasureView measure, MeasureResult row) =>
        row.Value is null ? [] : measure.Results.Where(r => r.PeriodEnd > row.PeriodEnd && r.Value is null).Select(r => r.Period);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
