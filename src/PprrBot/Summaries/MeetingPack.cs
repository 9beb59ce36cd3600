using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>Everything the meeting pack prints: the meeting, its exception summary and the routed questions.</summary>
internal sealed record MeetingPack(PprrSnapshot Snapshot, Meeting Meeting, ChairSummary Summary, IReadOnlyList<RoutedQuestion> Questions, DateTimeOffset GeneratedAt)
{
    public string FileName => $"meeting-pack-{Meeting.Date:yyyy-MM-dd}.docx";

    public string Title => $"Questions and answers: {Meeting.Committee}, {Cards.UkFormat.Date(Meeting.Date)}";
}

/// <summary>What asking for a pack gave: the pack, or why there is none.</summary>
internal abstract record MeetingPackOutcome
{
    private MeetingPackOutcome()
    {
    }

    public sealed record Ready(MeetingPack Pack) : MeetingPackOutcome;

    public sealed record NoSuchMeeting(DateOnly Date) : MeetingPackOutcome;
}

/// <summary>Gathers a meeting's pack: the meeting from the snapshot, its questions from the routing store.</summary>
internal sealed class MeetingPackBuilder(IRoutingStore store, TimeProvider time)
{
    public async Task<MeetingPackOutcome> BuildAsync(PprrSnapshot snapshot, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        if (snapshot.Meetings.FirstOrDefault(m => m.Date == meetingDate) is not { } meeting)
        {
            return new MeetingPackOutcome.NoSuchMeeting(meetingDate);
        }

        var questions = await store.ListByMeetingAsync(meeting.Committee, meeting.Date, cancellationToken);
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, UkTimeZone).DateTime);
        // A meeting whose report carries no measure rows (an agreement, a report not yet imported) gets the current position.
        var report = snapshot.Reports.Contains(meeting.Report, StringComparer.OrdinalIgnoreCase) ? meeting.Report : null;
        var summary = ChairSummaryBuilder.Summarise(snapshot, new ChairBriefRequest(report), meeting, questions, today);
        var live = questions.Where(q => q.Status != RoutedQuestionStatus.Withdrawn).ToList();
        return new MeetingPackOutcome.Ready(new MeetingPack(snapshot, meeting, summary, live, now));
    }

    /// <summary>The pack as DOCX bytes.</summary>
    public static byte[] Render(MeetingPack pack)
    {
        using var stream = new MemoryStream();
        MeetingPackDocument.Write(pack, stream);
        return stream.ToArray();
    }

    private static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
