using System.Text;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// The list card for RAG filters and priority summaries: one table per priority (code and measure, value with
/// its period and target, RAG word) and rating counts. The rows are
/// chosen by the caller; the card groups them by priority and keeps the caller's order within a priority.
/// </summary>
internal static class ListCard
{
    private static readonly (double Width, string Align)[] TableColumns =
        [(3, "Left"), (2, "Left"), (1.2, "Left")];

    // Three columns, not five: a 450-pixel phone column cannot fit five, and each cell costs about 75 bytes
    // of JSON, which matters for the 28 KB budget when a list holds all 38 measures.
    private static readonly string[] Header = ["Measure", "Value and target", "RAG"];

    // Above this many rows, speech and fallback text give codes and ratings only, to keep the card small.
    private const int LongList = 12;

    // At most this many rows on one card (the sample's 38 measures all fit). A large catalogue's "what is red?" could
    // list thousands: megabytes of JSON that Teams refuses (80 KB) and 100 ms to build (docs/performance.md).
    public const int MaxRows = 40;

    /// <param name="title">What the list is, e.g. "Red measures in Priority 2" or "Priority 4 summary".</param>
    /// <param name="emptyText">What to say when no measure matches, e.g. "No measure in Priority 2 is rated Red."</param>
    public static BotMessage Build(PprrSnapshot snapshot, string title, IReadOnlyList<MeasureSelection> rows, string? emptyText = null)
    {
        var document = new CardDocument(snapshot, fullWidth: true);
        document.Add(Heading(title, size: "Large"));

        if (rows.Count == 0)
        {
            var none = emptyText ?? "No measure matches.";
            document.Add(Text(none));
            return document.ToMessage($"{title}. {none}", $"{title}: {none}", $"{title}: {none}");
        }

        var counts = RagWording.Counts(rows.Select(r => r.Row.ReportedRag));
        document.Add(Text($"{Plural(rows.Count, "measure")}: {counts}", weight: "Bolder", spacing: "Small"));
        document.Add(Text("Each figure shows the period it is for. Ask about a code for the full measure.", size: "Small", subtle: true, spacing: "None"));
        var shown = rows.Count > MaxRows ? rows.Take(MaxRows).ToList() : rows;
        var cut = shown.Count < rows.Count
            ? $"Showing the first {shown.Count} of {rows.Count}. Ask about one priority, for example \"red measures in priority 2\", to narrow the list."
            : null;
        if (cut is not null)
        {
            document.Add(Text(cut, weight: "Bolder", spacing: "Small"));
        }

        var speak = new StringBuilder($"{title}. {Plural(rows.Count, "measure")}: {counts}.");
        var fallback = new StringBuilder($"{title} ({counts}):");
        if (cut is not null)
        {
            speak.Append(' ').Append(cut);
            fallback.Append(' ').Append(cut);
        }

        foreach (var group in shown.GroupBy(r => r.Measure.Priority).OrderBy(g => g.Key.Number))
        {
            var groupRows = group.ToList();
            document.Add(Heading(
                $"{MeasureWording.PriorityLine(group.Key)} ({RagWording.Counts(groupRows.Select(r => r.Row.ReportedRag))})",
                size: "Default",
                separator: true,
                spacing: "Large"));
            document.Add(Table(TableColumns, Header, groupRows.Select(Row), FallbackList(groupRows)));

            speak.Append(' ').Append(group.Key.Label).Append(':');
            foreach (var (measure, row) in groupRows)
            {
                speak.Append(shown.Count > LongList
                    ? " " + measure.Code + ", " + RagWording.Word(row.ReportedRag) + "."
                    : " " + measure.Code + ", " + UkFormat.SpokenText(measure.Name) + ", "
                        + MeasureWording.SpokenValueOrNone(row, measure.Measure.Unit) + ", " + RagWording.Word(row.ReportedRag) + ".");
                fallback.Append(UkFormat.Culture, $" {measure.Code} {RagWording.Word(row.ReportedRag)};");
            }
        }

        var summary = $"{title}: {Plural(rows.Count, "measure")} ({counts})";
        return document.ToMessage(speak.ToString(), fallback.ToString().TrimEnd(';') + ".", summary);
    }

    private static TableRowSpec Row(MeasureSelection selection)
    {
        var (measure, row) = selection;
        var unit = measure.Measure.Unit;
        return new TableRowSpec(
            [
                Text($"**{measure.Code}** {measure.Name}"),
                Text($"{MeasureWording.ValueOrNone(row, unit)} ({row.Period})" + (row.Target is { } target ? $"; target {UkFormat.Value(target, unit)}" : "; no target")),
                Text(RagWording.Word(row.ReportedRag)),
            ],
            StyledCell: 2,
            CellStyle: row.ReportedRag is null ? null : RagWording.ContainerStyle(row.ReportedRag));
    }

    /// <summary>The same rows as a bulleted list, for clients that cannot draw a Table.</summary>
    private static CardObject FallbackList(IEnumerable<MeasureSelection> rows)
    {
        var lines = rows.Select(s =>
        {
            var unit = s.Measure.Measure.Unit;
            var target = s.Row.Target is { } t ? $", target {UkFormat.Value(t, unit)}" : "";
            return $"- **{s.Measure.Code}** {s.Measure.Name}: {MeasureWording.ValueOrNone(s.Row, unit)} ({s.Row.Period}){target}, {RagWording.Word(s.Row.ReportedRag)}";
        });
        return Container([Text(string.Join("\n", lines))]);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
