using System.CommandLine;
using DocumentFormat.OpenXml.Packaging;
using PprrBot.Cli;
using PprrBot.Routing;
using PprrBot.Tests.Summaries;

namespace PprrBot.Tests.Cli;

public class PackCommandTests
{
    [Fact]
    public async Task WritesTheMeetingsPackWithItsAnsweredQuestions()
    {
        var bed = new SummaryTestBed();
        await bed.AddQuestionAsync("Why are apprenticeships down?", "CFE27", new DateOnly(2020, 12, 2), answer: "Employers paused recruitment.");
        var path = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.docx");
        var root = new RootCommand { PackCommand.Create(_ => Task.FromResult(bed.Snapshot), _ => Task.FromResult<IRoutingStore>(bed.Store), bed.Time) };

        var exit = await root.Parse(["pack", "--meeting", "2020-12-09", "--out", path]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        using (var document = WordprocessingDocument.Open(path, false))
        {
            Assert.Contains("Employers paused recruitment.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        File.Delete(path);
    }

    [Theory]
    [InlineData("9 December 2020", 2)]
    [InlineData("2020-12-10", 1)]
    public async Task RefusesABadDateOrADayWithNoMeetingAndWritesNothing(string meeting, int expectedExit)
    {
        var bed = new SummaryTestBed();
        var path = Path.Combine(Path.GetTempPath(), $"pack-{Guid.NewGuid():N}.docx");
        var root = new RootCommand { PackCommand.Create(_ => Task.FromResult(bed.Snapshot), _ => Task.FromResult<IRoutingStore>(bed.Store), bed.Time) };

        var exit = await root.Parse(["pack", "--meeting", meeting, "--out", path]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expectedExit, exit);
        Assert.False(File.Exists(path));
    }
}
