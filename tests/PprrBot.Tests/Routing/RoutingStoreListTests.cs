using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Data;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

/// <summary>
/// The lists the chair's brief and a routed question's earlier answers read: one statement each, with the history
/// joined, on both providers (PostgreSQL only with PPRR_TEST_POSTGRES, which .ci/run sets).
/// </summary>
public sealed class RoutingStoreListTests
{
    private static readonly DateTimeOffset Friday20November = new(2020, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AMeetingsQuestionsComeNewestFirstEachWithItsWholeHistoryInOrder(bool postgres)
    {
        await using var bot = await StartAsync(postgres);
        for (var i = 1; i <= 3; i++)
        {
            await bot.SendQuestionAsync($"Question number {i} about persistent absence", RoutingBot.Performance, $"confirmation-{i}");
        }

        await using var scope = bot.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PprrDbContext>().RoutedQuestions.AsNoTracking()
            .Include(q => q.History).ToListAsync(TestContext.Current.CancellationToken);
        var meetingDate = Assert.Single(stored.Select(q => q.MeetingDate).Distinct()) ?? throw new InvalidOperationException("The questions have no meeting.");

        var listed = await scope.ServiceProvider.GetRequiredService<IRoutingStore>().ListByMeetingAsync(null, meetingDate, TestContext.Current.CancellationToken);

        Assert.Equal(stored.Select(q => q.Id).OrderDescending(), listed.Select(q => q.Id));
        Assert.All(listed, q =>
        {
            Assert.NotEmpty(q.History);
            Assert.Equal(stored.Single(s => s.Id == q.Id).History.Select(e => e.Id).Order(), q.History.Select(e => e.Id));
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AMeetingsListForOneCommitteeLeavesOutAnotherCommitteesQuestionsThatDay(bool postgres)
    {
        await using var bot = await StartAsync(postgres);
        var day = new DateOnly(2020, 12, 9);
        await SeedAsync(bot, Stored("ours", committee: "Children & Families Scrutiny Committee", meeting: day),
            Stored("theirs", committee: "Adult Social Care Scrutiny Committee", meeting: day),
            Stored("next month", committee: "Children & Families Scrutiny Committee", meeting: day.AddMonths(1)));

        await using var scope = bot.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRoutingStore>();
        var ours = await store.ListByMeetingAsync("Children & Families Scrutiny Committee", day, TestContext.Current.CancellationToken);
        var everyone = await store.ListByMeetingAsync(null, day, TestContext.Current.CancellationToken);

        Assert.Equal(["ours"], ours.Select(q => q.QuestionText));
        Assert.Equal(["theirs", "ours"], everyone.Select(q => q.QuestionText));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EarlierAnswersAreTheNewestAnsweredQuestionsOnTheMeasureOrElseTheTopic(bool postgres)
    {
        await using var bot = await StartAsync(postgres);
        await SeedAsync(bot,
            Stored("oldest on the measure", measure: "CFE34", answered: true),
            Stored("on another measure", measure: "CFE01", answered: true),
            Stored("on the topic", topic: "Budget", answered: true),
            Stored("middle on the measure", measure: "CFE34", answered: true),
            Stored("newest on the measure", measure: "CFE34", answered: true),
            Stored("open on the measure", measure: "CFE34", answered: false));

        await using var scope = bot.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IRoutingStore>();
        var onMeasure = await store.ListAnsweredAsync("CFE34", null, 2, TestContext.Current.CancellationToken);
        var onTopic = await store.ListAnsweredAsync(null, "Budget", 2, TestContext.Current.CancellationToken);

        Assert.Equal(["newest on the measure", "middle on the measure"], onMeasure.Select(q => q.QuestionText));
        Assert.All(onMeasure, q => Assert.NotEmpty(q.History));
        Assert.Equal(["on the topic"], onTopic.Select(q => q.QuestionText));
    }

    private static async Task<RoutingBot> StartAsync(bool postgres) =>
        await RoutingBot.StartAsync(new FakeTimeProvider(Friday20November), postgres: postgres ? await RoutingBot.NewPostgresDatabaseAsync() : null);

    private static RoutedQuestion Stored(
        string text, string? committee = null, DateOnly? meeting = null, string? measure = null, string? topic = null, bool answered = false) => new()
    {
        Reference = $"T-{Guid.NewGuid():N}",
        SourceKey = $"test:{Guid.NewGuid():N}",
        MemberAadObjectId = RoutingBot.MemberAad,
        MemberConversationId = "a:member",
        QuestionText = text,
        MeasureCode = measure,
        Topic = topic,
        AssignedRole = RoutingBot.Performance,
        Committee = committee,
        MeetingDate = meeting,
        AnswerBy = new DateOnly(2020, 12, 2),
        Status = answered ? RoutedQuestionStatus.Answered : RoutedQuestionStatus.Open,
        AnswerText = answered ? "The answer." : null,
        CreatedAt = Friday20November,
        History = [new() { At = Friday20November, Kind = RoutedQuestionEventKind.Asked, ActorId = RoutingBot.MemberAad }],
    };

    // Saved one at a time, so ids (and "newest") follow the order given.
    private static async Task SeedAsync(RoutingBot bot, params RoutedQuestion[] questions)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PprrDbContext>();
        foreach (var question in questions)
        {
            db.RoutedQuestions.Add(question);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }
}
