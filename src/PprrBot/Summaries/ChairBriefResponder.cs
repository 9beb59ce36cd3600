using PprrBot.Conversation;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>
/// "Brief me", "headlines for the 9 December meeting", "what changed since the last report": the chair's cards with
/// the routed questions from the store and, when configured, the model's checked wording of the briefing.
/// </summary>
internal sealed class ChairBriefResponder(
    PprrSnapshotStore snapshots,
    ChairSummaryBuilder builder,
    BriefingWriter writer)
{
    /// <summary>The brief for a question already read as a chair brief.</summary>
    public async ValueTask<BotMessage> RespondAsync(Question question, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        if (question.ChangesOnly)
        {
            return ReportChangesCard.Build(snapshot);
        }

        var summary = await builder.BuildAsync(snapshot, ChairBriefs.Request(question, snapshot), cancellationToken);
        return ChairSummaryCard.Build(summary, await writer.WriteAsync(summary, cancellationToken));
    }
}

/// <summary>The chair brief answers for the synchronous pipeline (QuestionAnswerer, `pprrbot ask`): no store, template wording.</summary>
internal static class ChairBriefs
{
    public static IReadOnlyList<BotMessage> Answer(Question question, PprrSnapshot snapshot, TimeProvider? time = null)
    {
        if (question.ChangesOnly)
        {
            return [ReportChangesCard.Build(snapshot)];
        }

        var request = Request(question, snapshot);
        var today = DeadlineCalculator.UkDate((time ?? TimeProvider.System).GetUtcNow());
        var meeting = ChairSummaryBuilder.MeetingFor(snapshot, request.Report, today);
        return [ChairSummaryCard.Build(ChairSummaryBuilder.Summarise(snapshot, request, meeting, questions: null, today))];
    }

    /// <summary>The report named (or the report of a named period), the priorities named, and Amber when asked for.</summary>
    public static ChairBriefRequest Request(Question question, PprrSnapshot snapshot)
    {
        var report = question.Period.Report
            ?? (question.Period.Period is { } period
                ? snapshot.Measures.SelectMany(m => m.Results).FirstOrDefault(r => string.Equals(r.Period, period, StringComparison.OrdinalIgnoreCase))?.Report
                : null);
        return new ChairBriefRequest(report, question.Priorities, question.Ratings.Contains(Rag.Amber));
    }
}
