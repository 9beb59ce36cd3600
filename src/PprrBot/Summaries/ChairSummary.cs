using PprrBot.Cards;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Summaries;

/// <summary>What a chair asked for: a report's headline rows (or the current position), which priorities, and whether Ambers count as exceptions.</summary>
internal sealed record ChairBriefRequest(string? Report = null, IReadOnlyList<int>? Priorities = null, bool IncludeAmber = false);

/// <summary>Ratings of one priority's measures: rows with a figure and a rating, rows with a figure but no rating, rows with no figure, and measures the report did not update.</summary>
internal sealed record PriorityCounts(PriorityView Priority, int Red, int Amber, int Green, int NotRated, int NoFigure, int NotInReport)
{
    public int Measures => Red + Amber + Green + NotRated + NoFigure + NotInReport;
}

/// <summary>A Red (or Amber) measure: its row, why it has its rating, and the officers' commentary.</summary>
internal sealed record ExceptionMeasure(MeasureView Measure, MeasureResult Row)
{
    private RagExplanation? _reason;

    /// <summary>Worded when first read: a large catalogue's brief shows only the first exceptions.</summary>
    public RagExplanation Reason => _reason ??= RagWording.Explain(Measure.Measure, Row);
}

/// <summary>
/// The budget for one period: the data's own cash-limit total row (never re-added), the DSG lines apart, and the
/// cash-limit lines with the largest variances.
/// </summary>
internal sealed record BudgetPosition(string Period, string Report, bool IsForecast, FinanceLine? Total, IReadOnlyList<FinanceLine> Grant, IReadOnlyList<FinanceLine> LargestVariances);

/// <summary>The savings programme for one period: totals over every scheme, and the Amber and Red schemes.</summary>
internal sealed record SavingsAtRisk(string Period, int SchemeCount, decimal Target, decimal Achieved, decimal Shortfall, string Counts, IReadOnlyList<SavingsScheme> AtRisk);

/// <summary>Routed questions for one meeting, by state on the given day.</summary>
internal sealed record MeetingQuestions(Meeting Meeting, IReadOnlyList<RoutedQuestion> Open, IReadOnlyList<RoutedQuestion> Overdue, IReadOnlyList<RoutedQuestion> Answered)
{
    public IEnumerable<RoutedQuestion> All => Overdue.Concat(Open).Concat(Answered);
}

/// <summary>
/// The exception summary a chair reads mid-meeting, as data: every card, briefing and the meeting pack are written
/// from this one object, and the optional model's wording is checked against its figures.
/// </summary>
internal sealed record ChairSummary(
    PprrSnapshot Snapshot,
    ChairBriefRequest Request,
    Meeting? Meeting,
    IReadOnlyList<PriorityCounts> Counts,
    IReadOnlyList<ExceptionMeasure> Exceptions,
    BudgetPosition? Budget,
    SavingsAtRisk? Savings,
    MeetingQuestions? Questions)
{
    /// <summary>
    /// At most this many exceptions on the card and in the spoken briefing: a large catalogue can have thousands of
    /// Red measures, and a card of them all is megabytes that Teams refuses (80 KB). The meeting pack lists every one.
    /// </summary>
    public const int MaxShownExceptions = 15;

    /// <summary>The exceptions a card or briefing shows: reds first, then ambers, in priority and code order.</summary>
    public IReadOnlyList<ExceptionMeasure> ShownExceptions =>
        Exceptions.Count > MaxShownExceptions ? [.. Exceptions.Take(MaxShownExceptions)] : Exceptions;

    /// <summary>What to say when not every exception is shown, or null when they all are.</summary>
    public string? ExceptionsCut => Exceptions.Count > MaxShownExceptions
        ? $"Showing the first {MaxShownExceptions} of {Exceptions.Count}. Ask about one priority, for example \"red measures in priority 2\", for the rest; the meeting pack lists them all."
        : null;

    /// <summary>"Mid-Year PPRR 2020/21" or "current position".</summary>
    public string Scope => Request.Report ?? "current position";

    public int Count(Rag rating) => rating switch
    {
        Rag.Red => Counts.Sum(c => c.Red),
        Rag.Amber => Counts.Sum(c => c.Amber),
        _ => Counts.Sum(c => c.Green),
    };

    /// <summary>"Red 4, Amber 5, Green 6, not rated 8, no figure 11, not in the report 4" (zeros left out).</summary>
    public static string CountWords(IEnumerable<PriorityCounts> counts)
    {
        var list = counts.ToList();
        var parts = new (string Label, int Count)[]
        {
            ("Red", list.Sum(c => c.Red)),
            ("Amber", list.Sum(c => c.Amber)),
            ("Green", list.Sum(c => c.Green)),
            ("not rated", list.Sum(c => c.NotRated)),
            ("no figure", list.Sum(c => c.NoFigure)),
            ("not in the report", list.Sum(c => c.NotInReport)),
        };
        var words = parts.Where(p => p.Count > 0).Select(p => $"{p.Label} {p.Count}").ToList();
        return words.Count == 0 ? "none" : string.Join(", ", words);
    }
}
