using Microsoft.Extensions.Options;
using PprrBot.Data.Meetings;

namespace PprrBot.Routing;

public enum DeadlineBasis
{
    /// <summary>Answer-by is the meeting minus the clear working days.</summary>
    Meeting,

    /// <summary>No (later) meeting is known: answer-by is the service level from the day of asking.</summary>
    ServiceLevel,
}

/// <summary>When a routed question must be answered, and whether it came too late for the meeting it was meant for.</summary>
/// <param name="Meeting">The meeting the answer is for; null on the service level.</param>
/// <param name="MissedMeeting">The meeting the question came too late for, if any.</param>
/// <param name="AskedOn">The UK local date of asking.</param>
public sealed record DeadlineOutcome(Meeting? Meeting, DateOnly AnswerBy, DeadlineBasis Basis, Meeting? MissedMeeting, DateOnly AskedOn)
{
    public bool TooLateForMeeting => MissedMeeting is not null;
}

/// <summary>
/// The answer-by date for a question. Definitions (see ADR-005):
/// <list type="bullet">
/// <item>"Clear working days" between two dates are the working days strictly between them: neither end counts.</item>
/// <item>A meeting's answer-by date is the latest working day with at least <see cref="RoutingOptions.ClearWorkingDays"/>
/// clear working days between it and the meeting day.</item>
/// <item>A question is in time for a meeting when that answer-by date is after the UK local day of asking, so the
/// officer has at least one whole working day.</item>
/// </list>
/// </summary>
internal sealed class DeadlineCalculator(WorkingDayCalendar calendar, IOptions<RoutingOptions> options, TimeProvider time)
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The calculator with the default routing options, for tools and tests that run without the Routing feature.</summary>
    public static DeadlineCalculator WithDefaults(TimeProvider time)
    {
        var options = Options.Create(new RoutingOptions());
        return new DeadlineCalculator(new WorkingDayCalendar(options), options, time);
    }

    /// <summary>Today in the UK, whatever the server's zone.</summary>
    public DateOnly UkToday() => UkDate(time.GetUtcNow());

    public static DateOnly UkDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, UkTime).DateTime);

    public static DateTimeOffset UkLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, UkTime);

    /// <summary>The last working day with the configured clear working days before the meeting.</summary>
    public DateOnly AnswerByFor(DateOnly meetingDate) =>
        calendar.AddWorkingDays(meetingDate, -(options.Value.ClearWorkingDays + 1));

    /// <param name="meetings">Every known meeting.</param>
    /// <param name="committee">The committee, when known.</param>
    /// <param name="report">The report the question is about (e.g. Mid-Year PPRR 2020/21); picks the committee that considers it.</param>
    public DeadlineOutcome Calculate(IReadOnlyList<Meeting> meetings, string? committee, string? report)
    {
        var askedOn = UkToday();
        committee ??= report is null
            ? null
            : meetings.FirstOrDefault(m => string.Equals(m.Report, report, StringComparison.OrdinalIgnoreCase))?.Committee;

        var upcoming = meetings
            .Where(m => committee is null || string.Equals(m.Committee, committee, StringComparison.OrdinalIgnoreCase))
            .Where(m => m.Date > askedOn)
            .OrderBy(m => m.Date)
            .ToList();

        Meeting? missed = null;
        foreach (var meeting in upcoming)
        {
            var answerBy = AnswerByFor(meeting.Date);
            if (answerBy > askedOn)
            {
                return new DeadlineOutcome(meeting, answerBy, DeadlineBasis.Meeting, missed, askedOn);
            }

            missed ??= meeting;
        }

        var serviceLevel = calendar.AddWorkingDays(askedOn, options.Value.ServiceLevelWorkingDays);
        return new DeadlineOutcome(null, serviceLevel, DeadlineBasis.ServiceLevel, missed, askedOn);
    }
}
