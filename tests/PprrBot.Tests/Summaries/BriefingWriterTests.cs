using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

public class BriefingWriterTests
{
    private const string MidYear = "Mid-Year PPRR 2020/21";

    [Fact]
    public async Task ModelWordingWithAnInventedFigureIsRejectedForTheTemplate()
    {
        var (writer, summary) = Arrange("Four measures are Red. The cash limit is forecast to overspend by £3.2m, mostly on placements (£1.74m).");

        var briefing = await writer.WriteAsync(summary, TestContext.Current.CancellationToken);

        Assert.Equal(ChairBriefing.Template(summary), briefing);
    }

    [Fact]
    public async Task FaithfulModelWordingIsUsed()
    {
        const string Faithful = "Good evening. 4 measures are Red in the Mid-Year PPRR 2020/21, including take-up of funded early education at 72% against the 80% target. "
            + "The cash limit of £61,370,000 is forecast to overspend by £2,997,000, or 2.997 million pounds, with placements £1.74m over. "
            + "The savings shortfall is £585,000. These are sample data.";
        var (writer, summary) = Arrange(Faithful);

        var briefing = await writer.WriteAsync(summary, TestContext.Current.CancellationToken);

        Assert.Equal(Faithful, briefing);
    }

    [Fact]
    public async Task ModelFailureFallsBackToTheTemplate()
    {
        var bed = new SummaryTestBed();
        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(MidYear), null, null, SummaryTestBed.Meeting);
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("service unavailable"));
        var writer = new BriefingWriter(Options.Create(new SummariesOptions { UseModelWording = true }), bed.Time, NullLogger<BriefingWriter>.Instance, chat.Object);

        var briefing = await writer.WriteAsync(summary, TestContext.Current.CancellationToken);

        Assert.Equal(ChairBriefing.Template(summary), briefing);
    }

    [Theory]
    [InlineData("overspend of £2,997,000", true)]
    [InlineData("overspend of £3.00m", true)]
    [InlineData("overspend of 2.997 million pounds", true)]
    [InlineData("72% against 80%", true)]
    [InlineData("73% against 80%", false)]
    [InlineData("a shortfall of £590,000", false)]
    [InlineData("17 measures are Red", false)]
    public void FigureCheckAcceptsOnlyFiguresInTheData(string text, bool faithful)
    {
        var bed = new SummaryTestBed();
        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(MidYear), null, null, SummaryTestBed.Meeting);

        var unsupported = BriefingFigures.Unsupported(text, ChairBriefing.Facts(summary) + "\n" + ChairBriefing.Template(summary));

        Assert.Equal(faithful, unsupported.Count == 0);
    }

    private static (BriefingWriter Writer, ChairSummary Summary) Arrange(string modelText)
    {
        var bed = new SummaryTestBed();
        var summary = ChairSummaryBuilder.Summarise(bed.Snapshot, new ChairBriefRequest(MidYear), null, null, SummaryTestBed.Meeting);
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, modelText)));
        var writer = new BriefingWriter(Options.Create(new SummariesOptions { UseModelWording = true }), bed.Time, NullLogger<BriefingWriter>.Instance, chat.Object);
        return (writer, summary);
    }
}
