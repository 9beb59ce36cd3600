using PprrBot.Cards;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>
/// Builds the chair's exception summary from the snapshot and the routed questions. Rows follow the data's rules:
/// a named report's headline rows, otherwise the current position. Money totals are the data's own total rows.
/// </summary>
internal sealed class ChairSummaryBuilder(IRoutingStore store, TimeProvider time)
{
    private const int LargestVariances = 3;

    public async Task<ChairSummary> BuildAsync(PprrSnapshot snapshot, ChairBriefRequest request, CancellationToken cancellationToken)
    {
        var meeting = MeetingFor(snapshot, request.Report, Today());
        var questions = meeting is null ? null : await store.ListByMeetingAsync(meeting.Committee, meeting.Date, cancellationToken);
        return Summarise(snapshot, request, meeting, questions, Today());
    }

    /// <summary>The summary without the store: <paramref name="questions"/> null leaves the routed questions out.</summary>
    public static ChairSummary Summarise(PprrSnapshot snapshot, ChairBriefRequest request, Meeting? meeting, IReadOnlyList<RoutedQuestion>? questions, DateOnly today)
    {
        var priorities = snapshot.Priorities
            .Where(p => request.Priorities is not { Count: > 0 } || request.Priorities.Contains(p.Number))
            .ToList();

        var counts = new List<PriorityCounts>();
        var exceptions = new List<ExceptionMeasure>();
        foreach (var priority in priorities)
        {
            int red = 0, amber = 0, green = 0, notRated = 0, noFigure = 0, notInReport = 0;
            foreach (var measure in priority.Measures)
            {
                var row = RowFor(measure, request.Report);
                switch (row)
                {
                    case null:
                        notInReport++;
                        continue;
                    case { Value: null }:
                        noFigure++;
                        continue;
                    case { ReportedRag: Rag.Red }:
                        red++;
                        break;
                    case { ReportedRag: Rag.Amber }:
                        amber++;
                        break;
                    case { ReportedRag: Rag.Green }:
                        green++;
                        break;
                    default:
                        notRated++;
                        break;
                }

                if (row.ReportedRag == Rag.Red || (request.IncludeAmber && row.ReportedRag == Rag.Amber))
                {
                    exceptions.Add(new ExceptionMeasure(measure, row));
                }
            }

            counts.Add(new PriorityCounts(priority, red, amber, green, notRated, noFigure, notInReport));
        }

        // Reds first, then Ambers; priority and code order within each.
        exceptions = [.. exceptions.OrderBy(e => e.Row.ReportedRag == Rag.Red ? 0 : 1)];
        var budget = Budget(snapshot, request.Report);
        var savings = budget is null ? LatestSavings(snapshot) : Savings(snapshot, budget.Period);
        var meetingQuestions = meeting is null || questions is null ? null : Split(meeting, questions, today);
        return new ChairSummary(snapshot, request, meeting, counts, exceptions, budget, savings, meetingQuestions);
    }

    /// <summary>A report's headline row, or the current position (the latest row with a value, else the latest row).</summary>
    public static MeasureResult? RowFor(MeasureView measure, string? report) =>
        report is null ? measure.Current ?? measure.Latest : measure.HeadlineFor(report);

    /// <summary>
    /// The meeting a brief is for: the one that considers the named report; otherwise the next meeting from today,
    /// or the latest one when none is coming.
    /// </summary>
    public static Meeting? MeetingFor(PprrSnapshot snapshot, string? report, DateOnly today)
    {
        if (report is not null
            && snapshot.Meetings.FirstOrDefault(m => string.Equals(m.Report, report, StringComparison.OrdinalIgnoreCase)) is { } considering)
        {
            return considering;
        }

        return NextOrLatest(snapshot.Meetings, today);
    }

    /// <summary>The first of the meetings on or after today, or the latest when none is coming.</summary>
    public static Meeting? NextOrLatest(IEnumerable<Meeting> meetings, DateOnly today) =>
        meetings.Where(m => m.Date >= today).MinBy(m => m.Date) ?? meetings.MaxBy(m => m.Date);

    public static MeetingQuestions Split(Meeting meeting, IReadOnlyList<RoutedQuestion> questions, DateOnly today)
    {
        var open = questions.Where(q => q.Status == RoutedQuestionStatus.Open).OrderBy(q => q.AnswerBy).ThenBy(q => q.Id).ToList();
        return new MeetingQuestions(
            meeting,
            [.. open.Where(q => q.AnswerBy >= today)],
            [.. open.Where(q => q.AnswerBy < today)],
            [.. questions.Where(q => q.Status == RoutedQuestionStatus.Answered).OrderBy(q => q.Id)]);
    }

    /// <summary>The finance period of the named report, or the latest report's.</summary>
    public static BudgetPosition? Budget(PprrSnapshot snapshot, string? report)
    {
        var byReport = snapshot.Finance.GroupBy(f => f.Report, StringComparer.OrdinalIgnoreCase).ToList();
        var chosen = byReport.FirstOrDefault(g => report is not null && string.Equals(g.Key, report, StringComparison.OrdinalIgnoreCase))
            ?? byReport.OrderBy(g => ReportOrder(snapshot, g.Key)).ThenBy(g => g.First().Period, StringComparer.Ordinal).LastOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var lines = chosen.ToList();
        var period = lines[0].Period;
        var cashLimit = lines.Where(l => !l.IsPortfolioTotal && !l.IsDedicatedSchoolsGrant && l.Variance != 0).ToList();
        return new BudgetPosition(
            period,
            chosen.Key,
            period.Contains(" Q", StringComparison.Ordinal),
            lines.FirstOrDefault(l => l.IsPortfolioTotal),
            [.. lines.Where(l => l.IsDedicatedSchoolsGrant)],
            [.. cashLimit.OrderByDescending(l => Math.Abs(l.Variance)).Take(LargestVariances)]);
    }

    public static SavingsAtRisk? Savings(PprrSnapshot snapshot, string period)
    {
        var all = snapshot.Savings.Where(s => string.Equals(s.Period, period, StringComparison.OrdinalIgnoreCase)).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        return new SavingsAtRisk(
            period,
            all.Count,
            all.Sum(s => s.Target),
            all.Sum(s => s.ForecastAchieved),
            all.Sum(s => s.Shortfall),
            RagWording.Counts(all.Select(s => (Rag?)s.Rag)),
            [.. all.Where(s => s.Rag != Rag.Green).OrderBy(s => s.Rag).ThenByDescending(s => s.Shortfall)]);
    }

    private static SavingsAtRisk? LatestSavings(PprrSnapshot snapshot) =>
        snapshot.Savings.Select(s => s.Period).Distinct().Order(StringComparer.Ordinal).LastOrDefault() is { } period ? Savings(snapshot, period) : null;

    private static int ReportOrder(PprrSnapshot snapshot, string report)
    {
        for (var i = 0; i < snapshot.Reports.Count; i++)
        {
            if (string.Equals(snapshot.Reports[i], report, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), UkTimeZone).DateTime);

    private static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
