using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PprrBot.Data;
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
        var database = postgres ? await RoutingBot.NewPostgresDatabaseAsync() : null;
        await using var bot = await RoutingBot.StartAsync(new FakeTimeProvider(Friday20November), postgres: database);
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
}
