using System.Text;
using PprrBot.Cards;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Summaries;

/// <summary>One measure's change between the headline rows of two reports.</summary>
internal sealed record MeasureChange(
    MeasureView Measure,
    MeasureResult Before,
    MeasureResult Now,
    bool RatingChanged,
    string? DirectionBefore,
    string? DirectionNow,
    bool NewlyOffTarget)
{
    public bool DirectionChanged => DirectionBefore is not null && DirectionNow is not null && DirectionBefore != DirectionNow;
}

/// <summary>What changed between two reports: ratings, directions of travel, and measures newly off target.</summary>
/// <param name="NotUpdated">Measures with no row in the latest report (annual figures).</param>
/// <param name="NoFigure">Measures whose latest headline row, or the one before, has no figure: nothing to compare.</param>
internal sealed record ReportChanges(PprrSnapshot Snapshot, string PreviousReport, string LatestReport, IReadOnlyList<MeasureChange> Changes, int NotUpdated, int NoFigure)
{
    public IEnumerable<MeasureChange> NewlyOffTarget => Changes.Where(c => c.NewlyOffTarget);

    public IEnumerable<MeasureChange> RatingChanged => Changes.Where(c => c.RatingChanged && !c.NewlyOffTarget);

    public IEnumerable<MeasureChange> DirectionOnly => Changes.Where(c => !c.RatingChanged && !c.NewlyOffTarget && c.DirectionChanged);

    /// <summary>The two latest reports' headline rows compared; null when fewer than two reports are held.</summary>
    public static ReportChanges? Between(PprrSnapshot snapshot)
    {
        if (snapshot.Reports.Count < 2)
        {
            return null;
        }

        var previous = snapshot.Reports[^2];
        var latest = snapshot.Reports[^1];
        var changes = new List<MeasureChange>();
        var notUpdated = 0;
        var noFigure = 0;
        foreach (var measure in snapshot.Measures)
        {
            var now = measure.HeadlineFor(latest);
            var before = measure.HeadlineFor(previous);
            if (now is null || before is null)
            {
                notUpdated += now is null ? 1 : 0;
                continue;
            }

            // A rating that disappears because the figure was not collected is not a change in performance.
            if (now.Value is null || before.Value is null)
            {
                noFigure++;
                continue;
            }

            var directionBefore = TrendWording.DirectionOf(measure.Measure, before);
            var directionNow = TrendWording.DirectionOf(measure.Measure, now);
            var newlyOff = IsOffTarget(now.ReportedRag) && !IsOffTarget(before.ReportedRag);
            var change = new MeasureChange(measure, before, now, before.ReportedRag != now.ReportedRag, directionBefore, directionNow, newlyOff);
            if (change.RatingChanged || change.DirectionChanged || change.NewlyOffTarget)
            {
                changes.Add(change);
            }
        }

        return new ReportChanges(snapshot, previous, latest, changes, notUpdated, noFigure);
    }

    private static bool IsOffTarget(Rag? rating) => rating is Rag.Red or Rag.Amber;
}

/// <summary>The "what changed since the last report" card.</summary>
internal static class ReportChangesCard
{
    public static BotMessage Build(PprrSnapshot snapshot)
    {
        var changes = ReportChanges.Between(snapshot);
        var document = new CardDocument(snapshot);
        if (changes is null)
        {
            document.Add(Heading("What changed since the last report", size: "Large"));
            document.Add(Text("Only one report is held, so there is nothing to compare it with."));
            return document.ToMessage("Only one report is held, so there is nothing to compare.", "Only one report is held.", "What changed: one report only");
        }

        document.Add(Heading("What changed since the last report", size: "Large"));
        document.Add(Text($"{changes.LatestReport} compared with {changes.PreviousReport}, headline rows.", size: "Small", subtle: true, spacing: "None"));
        var speak = new StringBuilder($"What changed between the {changes.PreviousReport} and the {changes.LatestReport}.");
        Section(document, speak, "Newly off target", [.. changes.NewlyOffTarget]);
        Section(document, speak, "Rating changed", [.. changes.RatingChanged]);
        Section(document, speak, "Direction of travel changed", [.. changes.DirectionOnly]);
        if (changes.Changes.Count == 0)
        {
            document.Add(Text("No rating or direction of travel changed."));
            speak.Append(" No rating or direction of travel changed.");
        }

        if (changes.NotUpdated > 0)
        {
            document.Add(Text($"{changes.NotUpdated} measures were not updated in the {changes.LatestReport} (annual figures).", size: "Small", subtle: true, spacing: "Medium"));
        }

        if (changes.NoFigure > 0)
        {
            document.Add(Text($"{changes.NoFigure} measures have no figure in one of the two reports (for example results not collected in 2020), so they are not compared.", size: "Small", subtle: true, spacing: "Small"));
        }

        document.Add(Text("Source: " + MeasureWording.ImportLine(snapshot, null) + ".", size: "Small", subtle: true, spacing: "Small"));
        var offTarget = changes.NewlyOffTarget.Count();
        var fallback = $"Changes {changes.PreviousReport} to {changes.LatestReport}: " + string.Join("; ", changes.Changes.Select(c => c.RatingChanged
            ? $"{c.Measure.Code} {RagWording.Word(c.Before.ReportedRag)} to {RagWording.Word(c.Now.ReportedRag)}"
            : $"{c.Measure.Code} {c.DirectionBefore} to {c.DirectionNow}")) + ".";
        return document.ToMessage(speak.ToString(), fallback, $"What changed: {changes.Changes.Count} measures, {offTarget} newly off target");
    }

    private static void Section(CardDocument document, StringBuilder speak, string title, IReadOnlyList<MeasureChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        document.Add(Heading($"{title} ({changes.Count})", size: "Default", separator: true, spacing: "Large"));
        speak.Append(' ').Append(title).Append(':');
        foreach (var c in changes)
        {
            var unit = c.Measure.Measure.Unit;
            var rating = c.RatingChanged
                ? $"{RagWording.Word(c.Before.ReportedRag)} → {RagWording.Word(c.Now.ReportedRag)}"
                : RagWording.Word(c.Now.ReportedRag);
            var direction = c.DirectionChanged ? $"; was {c.DirectionBefore}, now {c.DirectionNow}" : c.DirectionNow is { } d ? $"; {d}" : "";
            var figures = $"{MeasureWording.ValueOrNone(c.Now, unit)} ({c.Now.Period}), was {MeasureWording.ValueOrNone(c.Before, unit)} ({c.Before.Period})";
            document.Add(Container(
                [
                    Text($"**{c.Measure.Code}** {c.Measure.Name}"),
                    Text($"{rating}{direction}. {figures}.", size: "Small", spacing: "None"),
                ],
                style: c.Now.ReportedRag is null ? null : RagWording.ContainerStyle(c.Now.ReportedRag),
                spacing: "Small"));
            speak.Append(' ').Append(c.Measure.Code).Append(", ")
                .Append(c.RatingChanged ? $"from {RagWording.Word(c.Before.ReportedRag)} to {RagWording.Word(c.Now.ReportedRag)}" : RagWording.Word(c.Now.ReportedRag))
                .Append(c.DirectionChanged ? $", now {c.DirectionNow}" : "")
                .Append('.');
        }
    }
}
