using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// The deadline for detailed questions to a meeting, as routing counts it (ADR-005): questions must be answered by
/// <paramref name="AnswerBy"/>, so a question is in time when sent before that day.
/// </summary>
/// <param name="Today">The UK local date of asking.</param>
/// <param name="SentNowFor">The meeting a question sent today would be for, as routing dates it; null when none is known.</param>
internal sealed record MeetingDeadline(DateOnly AnswerBy, DateOnly Today, Meeting? SentNowFor = null)
{
    public bool InTime => AnswerBy > Today;
}

/// <summary>
/// "When is the next meeting?", "deadline for questions", "what's on in June": the committee, day and time, the item
/// and report it considers, and the deadline for detailed questions, said honestly when the meeting has passed.
/// </summary>
internal static class MeetingCard
{
    /// <param name="meeting">The meeting asked about; null when the data holds none.</param>
    /// <param name="deadline">The question deadline for <paramref name="meeting"/>.</param>
    public static BotMessage Build(PprrSnapshot snapshot, Meeting? meeting, MeetingDeadline deadline)
    {
        var document = new CardDocument(snapshot);
        if (meeting is null)
        {
            const string none = "No committee meeting is held in the data, so I can't give a date or a deadline for questions. Democratic Services can tell you.";
            document.Add(Heading("No meeting known", size: "Medium"));
            document.Add(Text(none, spacing: "Small"));
            document.Action(Submit("Send a question to an officer", CardData.RouteStart()));
            return document.ToMessage(none, none, "No meeting known");
        }

        var today = deadline.Today;
        var when = UkFormat.DayAndTime(meeting.Date, meeting.Time);
        var status = Status(snapshot, meeting, deadline);
        var heading = meeting.Date < today ? "Last meeting" : meeting.Date == today ? "Meeting today" : "Meeting";

        document.Add(Heading($"{heading}: {UkFormat.Date(meeting.Date)}", size: "Medium"));
        document.Add(Text(meeting.Committee, weight: "Bolder", spacing: "Small"));
        document.Add(Text(when, spacing: "None"));
        var facts = new List<(string Title, string Value)>
        {
            ("Item", meeting.Item),
            ("Report", meeting.Report),
            ("Questions", QuestionsLine(meeting, deadline)),
        };
        if (meeting.CabinetDate is { } cabinet)
        {
            facts.Add(("Cabinet", UkFormat.LongDate(cabinet)));
        }

        document.Add(Facts(facts, spacing: "Medium"));
        if (status is not null)
        {
            document.Add(Text(status, spacing: "Medium"));
        }

        document.Action(Submit("Send a question to an officer", CardData.RouteStart()));
        document.Action(Submit("Chair's brief", CardData.Ask($"Brief me for the {UkFormat.Date(meeting.Date)} meeting")));

        var about = $"The {meeting.Committee} meets on {when}. It considers {meeting.Item} ({meeting.Report}).";
        var said = $"{about} {QuestionsLine(meeting, deadline)}.{(status is null ? "" : " " + status)}";
        return document.ToMessage(
            UkFormat.SpokenText(said),
            said,
            $"{meeting.Committee}: {when}");
    }

    private static string QuestionsLine(Meeting meeting, MeetingDeadline deadline) =>
        deadline.InTime
            // "Before" the answer-by date, not "by" the day before it: that day may be a Sunday.
            ? $"Send detailed questions before {UkFormat.LongDate(deadline.AnswerBy)}, the day officers answer them by"
            : $"Detailed questions had to be answered by {UkFormat.LongDate(deadline.AnswerBy)}, before the meeting on {UkFormat.LongDate(meeting.Date)}";

    /// <summary>What the date means for the member: passed, or too late for questions; null when there is still time.</summary>
    private static string? Status(PprrSnapshot snapshot, Meeting meeting, MeetingDeadline deadline)
    {
        if (meeting.Date < deadline.Today)
        {
            var next = snapshot.Meetings.Where(m => m.Date >= deadline.Today && SameCommittee(m, meeting)).MinBy(m => m.Date);
            return next is null
                ? "This meeting has passed. No later meeting is in the data."
                : $"This meeting has passed. The next meeting is on {UkFormat.DayAndTime(next.Date, next.Time)}.";
        }

        if (deadline.InTime)
        {
            return null;
        }

        return deadline.SentNowFor is { } target && target.Date > meeting.Date
            ? $"It is too late for a detailed question to be answered before this meeting: a question sent now is for the meeting on {UkFormat.DayAndTime(target.Date, target.Time)}."
            : "It is too late for a detailed question to be answered before this meeting, and no later meeting is in the data: a question sent now is answered within the service level.";
    }

    private static bool SameCommittee(Meeting a, Meeting b) => string.Equals(a.Committee, b.Committee, StringComparison.OrdinalIgnoreCase);
}
