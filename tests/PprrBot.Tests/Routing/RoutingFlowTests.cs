using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Routing;

/// <summary>
/// The whole routing flow in-process, as Teams would drive it: the real turn pipeline, the real database (SQLite),
/// Conversation and Routing wired as Program.cs wires them, the recording connector, and a fake clock.
/// </summary>
public sealed class RoutingFlowTests
{
    // Friday 20 November 2020, 10:00 UK time: the next meeting is Wednesday 9 December, answer by Thursday 3 December.
    private static readonly DateTimeOffset Friday20November = new(2020, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private const string MeasureQuestion = "what is the persistent absence rate for SEN?";
    private const string Question = "Why did persistent absence for pupils with SEN rise, and what is being done about it?";

    private static FakeTimeProvider Clock(DateTimeOffset? at = null) => new(at ?? Friday20November);

    [Fact]
    public async Task MemberAsksOfficerAnswersMemberIsNotifiedAndTheOfficerCardIsUpdatedForEveryone()
    {
        await using var bot = await RoutingBot.StartAsync(Clock());

        var acknowledgement = await bot.AskTheOfficerAsync(MeasureQuestion, Question);

        var ack = RoutingBot.Text(acknowledgement.Card());
        Assert.Contains("PQ-0001", ack, StringComparison.Ordinal);
        Assert.Contains("Gaynor Ward", ack, StringComparison.Ordinal);
        Assert.Contains("9 December 2020", ack, StringComparison.Ordinal);
        Assert.Contains("3 December 2020", ack, StringComparison.Ordinal);

        var sentBefore = bot.Connector.Sent.Count;
        Assert.Equal(2, await bot.DeliverAsync());

        var created = bot.Connector.CreatedConversations;
        Assert.Contains(created, c => c.Members![0].Id == RoutingBot.PerformanceOfficerAad && c.TenantId == BotTestAdapter.TenantId);
        var officerCard = Assert.Single(bot.Connector.Sent.Skip(sentBefore), s => s.ConversationId == $"a:personal-{RoutingBot.PerformanceOfficerAad}");
        Assert.Equal("send", officerCard.Operation);
        var officerText = RoutingBot.Text(officerCard.Activity.Card());
        Assert.Contains("Question PQ-0001 for you", officerText, StringComparison.Ordinal);
        Assert.Contains(Question, officerText, StringComparison.Ordinal);
        Assert.Contains("CFE3", officerText, StringComparison.Ordinal);
        Assert.Contains(bot.Connector.Sent.Skip(sentBefore), s => s.ConversationId == $"a:personal-{RoutingBot.DemocraticServicesAad}");

        bot.Adapter.User = RoutingBot.PerformanceOfficer;
        bot.Adapter.ConversationId = $"a:personal-{RoutingBot.PerformanceOfficerAad}";
        var stored = await bot.QuestionAsync("PQ-0001");
        var response = await bot.Adapter.ExecuteAsync(
            RoutingCards.AnswerVerb,
            new JsonObject { ["reference"] = "PQ-0001", [RoutingCards.AnswerInput] = "Absence rose after two schools changed their coding; the attendance team is visiting both." },
            cardActivityId: stored!.OfficerCardActivityId);

        var body = response.BodyObject()!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Contains("answered", RoutingBot.Text(body["value"]), StringComparison.Ordinal);

        var beforeNotify = bot.Connector.Sent.Count;
        Assert.True(await bot.DeliverAsync() >= 2);
        var notified = bot.Connector.Sent.Skip(beforeNotify).ToList();
        var memberAnswer = Assert.Single(notified, s => s.ConversationId == bot.MemberConversationId && s.Operation == "send");
        var answerText = RoutingBot.Text(memberAnswer.Activity.Card());
        Assert.Contains(Question, answerText, StringComparison.Ordinal);
        Assert.Contains("the attendance team is visiting both", answerText, StringComparison.Ordinal);
        Assert.Contains("Gaynor Ward", answerText, StringComparison.Ordinal);
        var update = Assert.Single(notified, s => s.Operation == "update");
        Assert.Equal(stored.OfficerCardActivityId, update.ActivityId);
        Assert.Contains("answered", RoutingBot.Text(update.Activity.Card()), StringComparison.Ordinal);
        var answered = await bot.QuestionAsync("PQ-0001");
        Assert.Equal(RoutedQuestionStatus.Answered, answered!.Status);
        Assert.Contains(answered.History, e => e.Kind == RoutedQuestionEventKind.Answered && e.ActorId == RoutingBot.PerformanceOfficerAad);
    }

    [Fact]
    public async Task DemocraticServicesReassignsAndTheNewOfficerAsksForMoreTime()
    {
        await using var bot = await RoutingBot.StartAsync(Clock());
        await bot.AskTheOfficerAsync(MeasureQuestion, Question);
        await bot.DeliverAsync();

        bot.Adapter.User = RoutingBot.DemocraticServices;
        var reassigned = await bot.Adapter.ExecuteAsync(
            RoutingCards.ReassignVerb,
            new JsonObject { ["reference"] = "PQ-0001", [RoutingCards.OfficerInput] = RoutingBot.ChildrenFinance, [RoutingCards.ReassignReasonInput] = "It is about transport costs" });
        var sent = bot.Connector.Sent.Count;
        await bot.DeliverAsync();

        Assert.Equal(200, (int)reassigned.BodyObject()!["statusCode"]!);
        Assert.Contains(bot.Connector.Sent.Skip(sent), s => s.ConversationId == $"a:personal-{RoutingBot.ChildrenFinanceOfficerAad}"
            && RoutingBot.Text(s.Activity.Card()).Contains("Reassigned to you", StringComparison.Ordinal));

        bot.Adapter.User = new ChannelAccount { Id = "29:gill", Name = "Gill Dixon", AadObjectId = RoutingBot.ChildrenFinanceOfficerAad };
        var extended = await bot.Adapter.ExecuteAsync(
            RoutingCards.ExtendVerb,
            new JsonObject { ["reference"] = "PQ-0001", [RoutingCards.NewDateInput] = "2020-12-07", [RoutingCards.ExtendReasonInput] = "Waiting for the schools' returns" });
        sent = bot.Connector.Sent.Count;
        await bot.DeliverAsync();

        Assert.Equal(200, (int)extended.BodyObject()!["statusCode"]!);
        Assert.Equal(new DateOnly(2020, 12, 7), (await bot.QuestionAsync("PQ-0001"))!.AnswerBy);
        Assert.Contains(bot.Connector.Sent.Skip(sent), s => s.ConversationId == bot.MemberConversationId
            && RoutingBot.Text(s.Activity.Card()).Contains("7 December 2020", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerFromSomeoneWhoIsNeitherTheOfficerNorDemocraticServicesIsRefusedAndNothingChanges()
    {
        await using var bot = await RoutingBot.StartAsync(Clock());
        await bot.AskTheOfficerAsync(MeasureQuestion, Question);
        await bot.DeliverAsync();
        var outboxBefore = (await bot.OutboxAsync()).Count;

        bot.Adapter.User = new ChannelAccount { Id = "29:someone", Name = "Someone Else", AadObjectId = "6a1b2c3d-0000-4000-8000-00000000ffff" };
        var response = await bot.Adapter.ExecuteAsync(RoutingCards.AnswerVerb, new JsonObject { ["reference"] = "PQ-0001", [RoutingCards.AnswerInput] = "Not mine to answer" });

        var body = response.BodyObject()!;
        Assert.Equal(403, (int)body["statusCode"]!);
        Assert.Contains("Nothing was changed", (string?)body["value"]!["message"], StringComparison.Ordinal);
        var question = await bot.QuestionAsync("PQ-0001");
        Assert.Equal(RoutedQuestionStatus.Open, question!.Status);
        Assert.Null(question.AnswerText);
        Assert.Equal(outboxBefore, (await bot.OutboxAsync()).Count);
    }

    [Fact]
    public async Task QuestionTooLateForTheNextMeetingIsDatedForTheOneAfter()
    {
        // Friday 4 December 2020: after the answer-by date (3 December) for the meeting on 9 December.
        await using var bot = await RoutingBot.StartAsync(Clock(new DateTimeOffset(2020, 12, 4, 10, 0, 0, TimeSpan.Zero)));

        var acknowledgement = RoutingBot.Text((await bot.AskTheOfficerAsync(MeasureQuestion, Question)).Card());

        Assert.Contains("too late for the meeting on Wednesday 9 December 2020", acknowledgement, StringComparison.Ordinal);
        Assert.Contains("10 March 2021", acknowledgement, StringComparison.Ordinal);
        var question = await bot.QuestionAsync("PQ-0001");
        Assert.Equal(new DateOnly(2021, 3, 10), question!.MeetingDate);
        Assert.Equal(new DateOnly(2020, 12, 9), question.MissedMeetingDate);
    }

    [Fact]
    public async Task ReminderAndEscalationAreCountedAcrossTheAugustBankHolidayWeekend()
    {
        // Asked Monday 16 August 2021, after the last known meeting: 10 working days, skipping the summer bank
        // holiday (Monday 30 August), is Tuesday 31 August. The reminder is two working days before: Thursday 26
        // August, not Friday 27 as it would be if the holiday were counted.
        await using var bot = await RoutingBot.StartAsync(Clock(new DateTimeOffset(2021, 8, 16, 9, 0, 0, TimeSpan.Zero)));
        await bot.AskTheOfficerAsync(MeasureQuestion, Question);
        var question = await bot.QuestionAsync("PQ-0001");
        await bot.DeliverAsync();

        var onWednesday = await SweepAtAsync(bot, new DateTimeOffset(2021, 8, 25, 16, 0, 0, TimeSpan.Zero));
        var onThursday = await SweepAtAsync(bot, new DateTimeOffset(2021, 8, 26, 8, 0, 0, TimeSpan.Zero));
        var remindersOnTheDay = bot.Connector.Sent.Count(s => RoutingBot.Text(s.Activity.Card()).Contains("Reminder", StringComparison.Ordinal));
        var onTheDay = await SweepAtAsync(bot, new DateTimeOffset(2021, 8, 31, 16, 0, 0, TimeSpan.Zero));
        var dayAfter = await SweepAtAsync(bot, new DateTimeOffset(2021, 9, 1, 8, 0, 0, TimeSpan.Zero));
        var again = await SweepAtAsync(bot, new DateTimeOffset(2021, 9, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2021, 8, 31), question!.AnswerBy);
        Assert.Equal((0, 1, 1), (onWednesday, onThursday, remindersOnTheDay));
        Assert.Equal((0, 1, 0), (onTheDay, dayAfter, again));
        Assert.Contains(bot.Connector.Sent, s => s.ConversationId == bot.MemberConversationId
            && RoutingBot.Text(s.Activity.Card()).Contains("overdue", StringComparison.Ordinal));
        var history = (await bot.QuestionAsync("PQ-0001"))!.History;
        Assert.Single(history, e => e.Kind == RoutedQuestionEventKind.Reminded);
        Assert.Single(history, e => e.Kind == RoutedQuestionEventKind.Escalated);
    }

    private static async Task<int> SweepAtAsync(RoutingBot bot, DateTimeOffset at)
    {
        bot.Time.SetUtcNow(at);
        var queued = await bot.SweepAsync();
        await bot.DeliverAsync();
        return queued;
    }

    [Fact]
    public async Task TypedRequestToTheFinanceOfficerShowsTheConfirmationForThatOfficer()
    {
        await using var bot = await RoutingBot.StartAsync(Clock());

        var reply = Assert.Single(await bot.Adapter.SendAsync("ask the finance officer why placements are overspent"));

        Assert.Equal(RoutingBot.ChildrenFinance, RoutingBot.InputValue(reply.Card()!, RoutingCards.OfficerInput));
        Assert.NotNull(RoutingBot.FindSubmit([reply.Card()!], RoutingCards.SendVerb));
    }

    [Fact]
    public async Task MyQuestionsListsTheMembersQuestionWithItsStatus()
    {
        await using var bot = await RoutingBot.StartAsync(Clock());
        await bot.AskTheOfficerAsync(MeasureQuestion, Question);

        var reply = Assert.Single(await bot.Adapter.SendAsync("my questions"));

        var text = RoutingBot.Text(reply.Card());
        Assert.Contains("PQ-0001", text, StringComparison.Ordinal);
        Assert.Contains("3 December 2020", text, StringComparison.Ordinal);
    }
}
