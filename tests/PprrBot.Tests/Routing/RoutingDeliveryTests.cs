using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class RoutingDeliveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RoutingTestBed Bed, Mock<IRoutingChannel> Channel, RoutingOutboxWorker Worker)> AskedAsync()
    {
        var bed = new RoutingTestBed(new DateTimeOffset(2020, 11, 20, 10, 0, 0, TimeSpan.Zero));
        await bed.Service.SendAsync(bed.SendPress("Why did it rise?", "Strategy and Performance Manager", "CFE21"), Ct);
        var channel = new Mock<IRoutingChannel>();
        var delivery = new RoutingDelivery(channel.Object, bed.Store, bed.Time, NullLogger<RoutingDelivery>.Instance);
        return (bed, channel, new RoutingOutboxWorker(bed.Store, delivery, bed.Time, NullLogger<RoutingOutboxWorker>.Instance));
    }

    [Fact]
    public async Task DeliversTheOfficerCardAndRemembersWhereItIs()
    {
        var (bed, channel, worker) = await AskedAsync();
        channel.Setup(c => c.SendToUserAsync(RoutingTestBed.PerformanceOfficerId, "tenant-1", It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentActivity("a:gaynor-chat", "card-77"));
        channel.Setup(c => c.SendToUserAsync(RoutingTestBed.DemocraticServicesId, "tenant-1", It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentActivity("a:ds-chat", "copy-1"));

        var delivered = await worker.RunOnceAsync(Ct);

        Assert.Equal(2, delivered);
        var question = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Equal("a:gaynor-chat", question.OfficerConversationId);
        Assert.Equal("card-77", question.OfficerCardActivityId);
        Assert.Contains(question.History, e => e.Kind == RoutedQuestionEventKind.SentToOfficer);
        Assert.Contains(question.History, e => e.Kind == RoutedQuestionEventKind.CopiedToDemocraticServices);
        Assert.All(bed.Store.Outbox, m => Assert.NotNull(m.SentAt));
    }

    [Fact]
    public async Task EmailsTheOfficerWhenTeamsCannotReachThem()
    {
        var (bed, channel, worker) = await AskedAsync();
        channel.Setup(c => c.SendToUserAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SentActivity?)null);

        await worker.RunOnceAsync(Ct);

        channel.Verify(c => c.SendEmailAsync("gaynor.ward@stockport.gov.uk", "Question PQ-0001: please answer by Thursday 3 December 2020", It.Is<string>(b => b.Contains("Why did it rise?", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        var question = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Contains(question.History, e => e.Kind == RoutedQuestionEventKind.EmailedToOfficer);
    }

    [Fact]
    public async Task FailedDeliveryIsKeptAndTriedAgainLaterNotDropped()
    {
        var (bed, channel, worker) = await AskedAsync();
        channel.SetupSequence(c => c.SendToUserAsync(RoutingTestBed.PerformanceOfficerId, It.IsAny<string?>(), It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("429"))
            .ReturnsAsync(new SentActivity("a:gaynor-chat", "card-1"));
        channel.Setup(c => c.SendToUserAsync(RoutingTestBed.DemocraticServicesId, It.IsAny<string?>(), It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentActivity("a:ds", "x"));

        var first = await worker.RunOnceAsync(Ct);
        var tooSoon = await worker.RunOnceAsync(Ct);
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await worker.RunOnceAsync(Ct);

        Assert.Equal([1, 0, 1], [first, tooSoon, later]);
        var officerCard = bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:officer-card:1");
        Assert.Equal(2, officerCard.Attempts);
        Assert.NotNull(officerCard.SentAt);
    }

    [Fact]
    public async Task SentMessagesAreNotClaimedAgain()
    {
        var (_, channel, worker) = await AskedAsync();
        channel.Setup(c => c.SendToUserAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SentActivity("a:c", "1"));
        await worker.RunOnceAsync(Ct);

        var again = await worker.RunOnceAsync(Ct);

        Assert.Equal(0, again);
        channel.Verify(c => c.SendToUserAsync(It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<BotMessage>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
