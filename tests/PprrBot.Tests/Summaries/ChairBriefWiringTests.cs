using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PprrBot.Protocol;

namespace PprrBot.Tests.Summaries;

/// <summary>The composed service (Program.cs), not a test bed: chairs' words reach the Summaries feature.</summary>
public sealed class ChairBriefWiringTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly string _databaseFolder = Path.Combine(Path.GetTempPath(), $"pprr-brief-{Guid.NewGuid():N}");

    [Fact]
    public async Task BriefMeGivesTheChairsBriefingWithTheMeetingsQuestions()
    {
        var replies = await AskAsync("brief me", personal: true);

        var card = Assert.Single(replies).Card!.ToJsonString();
        Assert.Contains("s briefing: ", card, StringComparison.Ordinal);
        Assert.Contains("Questions for the", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingPackInAGroupChatSaysWhereToGetIt()
    {
        var replies = await AskAsync("meeting pack", personal: false);

        Assert.Contains("1:1 chat", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_databaseFolder))
        {
            Directory.Delete(_databaseFolder, recursive: true);
        }
    }

    private async Task<IReadOnlyList<BotMessage>> AskAsync(string text, bool personal)
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Data:SqlitePath", Path.Combine(_databaseFolder, "pprrbot.db")));
        using var client = app.CreateClient(); // starts the host; migrations, sample data and snapshot follow in the background
        // As a turn does (TurnHandler): the data start-up runs in the background (ADR-011), so wait for the snapshot.
        await app.Services.GetRequiredService<PprrBot.Data.PprrDataReadiness>().WhenSnapshotReadyAsync(TestContext.Current.CancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        var responder = scope.ServiceProvider.GetRequiredService<IMessageResponder>();
        var message = new IncomingMessage(text, null, new Sender("29:chair", "00000000-0000-0000-0000-0000000000c1", "A Chair", "tenant"), "a:chat", "act-1", null, personal);
        return await responder.RespondAsync(message, TestContext.Current.CancellationToken);
    }
}
