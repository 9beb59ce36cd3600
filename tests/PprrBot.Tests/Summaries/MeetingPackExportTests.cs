namespace PprrBot.Tests.Summaries;

/// <summary>
/// Writes an example meeting pack (sample data, three answered questions and one open) to the folder named by
/// PPRRBOT_PACK_DIR, for the rendered pages in docs/pack. Skips in an ordinary test run.
/// </summary>
public class MeetingPackExportTests
{
    public const string FolderVariable = "PPRRBOT_PACK_DIR";

    [Fact]
    public async Task WritesAnExamplePackForTheDocs()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(folder), $"Set {FolderVariable} to write the example pack (docs/pack/README.md says how).");
        Directory.CreateDirectory(folder!);
        var bed = new SummaryTestBed();
        await bed.AddQuestionAsync("Why has take-up of funded early education for two-year-olds fallen to 72%?", "CFE03", new DateOnly(2020, 12, 2), answer: "Children's centres were closed from March to July, so fewer families were reached. Outreach restarted in September and take-up in the autumn term is rising.");
        await bed.AddQuestionAsync("How many apprenticeship starts are expected by the year end?", "CFE27", new DateOnly(2020, 12, 2), answer: "About 480, because employers paused recruitment during the first lockdown.");
        await bed.AddQuestionAsync("What is driving the placements overspend?", null, new DateOnly(2020, 12, 2), answer: "More children in residential placements, at a higher weekly cost, since the summer.", topic: "Placements (looked after children)");
        await bed.AddQuestionAsync("What support is there for care leavers who are not in education, employment or training?", "CFE30", new DateOnly(2020, 12, 4));

        var outcome = await bed.Packs.BuildAsync(bed.Snapshot, SummaryTestBed.Meeting, TestContext.Current.CancellationToken);
        var pack = Assert.IsType<PprrBot.Summaries.MeetingPackOutcome.Ready>(outcome).Pack;
        var path = Path.Combine(folder!, "pack.docx");
        await File.WriteAllBytesAsync(path, PprrBot.Summaries.MeetingPackBuilder.Render(pack), TestContext.Current.CancellationToken);

        Assert.True(new FileInfo(path).Length > 0);
    }
}
