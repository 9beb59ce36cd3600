using PprrBot.Data.RoutedQuestions;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class ReminderSweepTests
{
    // A meeting on Tuesday 13 April 2021 gives an answer-by date of Wednesday 7 April, straight after the
    // Easter weekend (Good Friday 2 April, Easter Monday 5 April). Two working days before it is Thursday 1 April.
    private static readonly DateOnly Meeting = new(2021, 4, 13);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Uk(int month, int day, int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2021, month, day, hour, 0, 0), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));

    private static async Task<RoutingTestBed> AskedOnMonday29MarchAsync()
    {
        var bed = new RoutingTestBed(Uk(3, 29, 10), [RoutingTestBed.MeetingOn(Meeting)]);
        await bed.Service.SendAsync(bed.SendPress("Why did it rise?", "Strategy and Performance Manager", "CFE21"), Ct);
        return bed;
    }

    private static async Task<int> SweepAtAsync(RoutingTestBed bed, DateTimeOffset at)
    {
        bed.Time.SetUtcNow(at);
        return await bed.Sweep.RunOnceAsync(bed.Time.GetUtcNow(), Ct);
    }

    private static async Task<RoutedQuestion> QuestionAsync(RoutingTestBed bed) => (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;

    [Fact]
    public async Task RemindsTheOfficerTwoWorkingDaysBeforeTheDeadlineAcrossTheEasterWeekend()
    {
        var bed = await AskedOnMonday29MarchAsync();
        Assert.Equal(new DateOnly(2021, 4, 7), (await QuestionAsync(bed)).AnswerBy);

        var wednesday = await SweepAtAsync(bed, Uk(3, 31, 17));
        var thursday = await SweepAtAsync(bed, Uk(4, 1, 8));
        var goodFriday = await SweepAtAsync(bed, Uk(4, 2, 8));
        var easterMonday = await SweepAtAsync(bed, Uk(4, 5, 8));

        Assert.Equal([0, 1, 0, 0], [wednesday, thursday, goodFriday, easterMonday]);
        var question = await QuestionAsync(bed);
        Assert.Equal(Uk(4, 1, 8), question.ReminderSentAt);
        Assert.Single(question.History, e => e.Kind == RoutedQuestionEventKind.Reminded);
        var reminder = bed.Store.Outbox.Single(m => m.DedupeKey.Contains(":reminder:", StringComparison.Ordinal));
        Assert.Contains("Reminder: please answer by Wednesday 7 April 2021.", reminder.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalatesOnceTheDayAfterAMissedDeadline()
    {
        var bed = await AskedOnMonday29MarchAsync();

        var lateOnTheDay = await SweepAtAsync(bed, Uk(4, 7, 23));
        var reminderAndEscalationCount = bed.Store.Outbox.Count;
        var nextMorning = await SweepAtAsync(bed, Uk(4, 8, 0).AddMinutes(30));
        var again = await SweepAtAsync(bed, Uk(4, 8, 9));

        Assert.Equal(1, lateOnTheDay); // only the (late) reminder
        Assert.Equal(1, nextMorning);
        Assert.Equal(0, again);
        var question = await QuestionAsync(bed);
        Assert.Single(question.History, e => e.Kind == RoutedQuestionEventKind.Escalated);
        Assert.Equal(reminderAndEscalationCount + 2, bed.Store.Outbox.Count);
        var note = bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:escalation:member");
        Assert.Contains("Democratic Services are chasing it", note.PayloadJson, StringComparison.Ordinal);
        Assert.Contains(bed.Store.Outbox, m => m.DedupeKey == "PQ-0001:ds:escalation");
    }

    [Fact]
    public async Task AnsweredQuestionIsNeitherRemindedNorEscalated()
    {
        var bed = await AskedOnMonday29MarchAsync();
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId), ("answer", "Answered.")), Ct);

        var reminders = await SweepAtAsync(bed, Uk(4, 1, 9));
        var escalations = await SweepAtAsync(bed, Uk(4, 9, 9));

        Assert.Equal(0, reminders + escalations);
    }

    [Fact]
    public async Task MoreTimeMovesTheReminderAndTheEscalation()
    {
        var bed = await AskedOnMonday29MarchAsync();
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ExtendVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId), ("newDate", "2021-04-12"), ("reason", "Audit.")), Ct);

        var oldDay = await SweepAtAsync(bed, Uk(4, 8, 9));
        var newReminderDay = await SweepAtAsync(bed, Uk(4, 8, 10));

        Assert.Equal(1, oldDay); // 8 April is two working days before Monday 12 April: the reminder, not an escalation
        Assert.Equal(0, newReminderDay);
        Assert.DoesNotContain((await QuestionAsync(bed)).History, e => e.Kind == RoutedQuestionEventKind.Escalated);
    }
}
