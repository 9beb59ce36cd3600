using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class DeadlineCalculatorTests
{
    private static DateTimeOffset Uk(int year, int month, int day, int hour = 10) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static DeadlineOutcome Calculate(DateTimeOffset now, params DateOnly[] meetings)
    {
        var bed = new RoutingTestBed(now, meetings.Length == 0 ? null : meetings.Select(d => RoutingTestBed.MeetingOn(d)));
        return bed.Deadlines.Calculate(bed.Snapshot.Meetings, committee: null, report: null);
    }

    [Fact]
    public void AnswerIsDueThreeClearWorkingDaysBeforeTheNineDecemberMeeting()
    {
        var outcome = Calculate(Uk(2020, 11, 20));

        Assert.Equal(new DateOnly(2020, 12, 9), outcome.Meeting?.Date);
        Assert.Equal(new DateOnly(2020, 12, 3), outcome.AnswerBy);
        Assert.False(outcome.TooLateForMeeting);
    }

    [Fact]
    public void SkipsChristmasBoxingDaySubstituteAndTheWeekend()
    {
        var outcome = Calculate(Uk(2020, 12, 1), new DateOnly(2020, 12, 29));

        // 25 December (Friday) and 28 December (Boxing Day substitute) are not working days.
        Assert.Equal(new DateOnly(2020, 12, 21), outcome.AnswerBy);
    }

    [Fact]
    public void SkipsChristmasSubstituteWhenChristmasFallsOnASunday()
    {
        var outcome = Calculate(Uk(2022, 12, 1), new DateOnly(2022, 12, 29));

        // 26 December Boxing Day, 27 December Christmas Day substitute.
        Assert.Equal(new DateOnly(2022, 12, 21), outcome.AnswerBy);
    }

    [Fact]
    public void SkipsGoodFridayAndEasterMonday()
    {
        var outcome = Calculate(Uk(2021, 3, 15), new DateOnly(2021, 4, 7));

        Assert.Equal(new DateOnly(2021, 3, 30), outcome.AnswerBy);
    }

    [Fact]
    public void AskingOnTheDayBeforeTheAnswerByDateIsInTime()
    {
        var outcome = Calculate(Uk(2020, 12, 2, hour: 17));

        Assert.False(outcome.TooLateForMeeting);
        Assert.Equal(new DateOnly(2020, 12, 3), outcome.AnswerBy);
    }

    [Fact]
    public void LateQuestionIsDatedForTheNextMeetingAndSaysWhichItMissed()
    {
        var outcome = Calculate(Uk(2020, 12, 3, hour: 9));

        Assert.True(outcome.TooLateForMeeting);
        Assert.Equal(new DateOnly(2020, 12, 9), outcome.MissedMeeting?.Date);
        Assert.Equal(new DateOnly(2021, 3, 10), outcome.Meeting?.Date);
        Assert.Equal(new DateOnly(2021, 3, 4), outcome.AnswerBy);
    }

    [Fact]
    public void UsesTheServiceLevelWhenNoLaterMeetingIsKnown()
    {
        var outcome = Calculate(Uk(2021, 7, 1));

        Assert.Equal(DeadlineBasis.ServiceLevel, outcome.Basis);
        Assert.Null(outcome.Meeting);
        Assert.Equal(new DateOnly(2021, 7, 15), outcome.AnswerBy);
    }

    [Fact]
    public void ServiceLevelSkipsTheChristmasAndNewYearBankHolidays()
    {
        var outcome = Calculate(Uk(2020, 12, 18), new DateOnly(2020, 6, 1));

        Assert.Equal(new DateOnly(2021, 1, 6), outcome.AnswerBy);
    }

    [Fact]
    public void TooLateForTheLastMeetingFallsBackToTheServiceLevel()
    {
        var outcome = Calculate(Uk(2021, 6, 14));

        Assert.Equal(new DateOnly(2021, 6, 16), outcome.MissedMeeting?.Date);
        Assert.Equal(DeadlineBasis.ServiceLevel, outcome.Basis);
        Assert.Equal(new DateOnly(2021, 6, 28), outcome.AnswerBy);
    }

    [Fact]
    public void DecidesTheDayInUkTimeNotUtc()
    {
        // 23:30 UTC on 2 December is still 2 December in winter, but 23:30 UTC on 30 June is 1 July (BST).
        var winter = Calculate(new DateTimeOffset(2020, 12, 2, 23, 30, 0, TimeSpan.Zero));
        var summer = Calculate(new DateTimeOffset(2020, 6, 30, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2020, 12, 2), winter.AskedOn);
        Assert.Equal(new DateOnly(2020, 7, 1), summer.AskedOn);
    }
}
