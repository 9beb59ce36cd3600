using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

public class MeetingPackDocumentTests
{
    [Fact]
    public async Task PackOpensWithHeadingsHeaderRowsTitleAndEveryAnsweredQuestion()
    {
        var bed = new SummaryTestBed();
        var answered = new[]
        {
            await bed.AddQuestionAsync("Why are apprenticeships down?", "CFE27", new DateOnly(2020, 12, 2), answer: "Covid-19 paused apprenticeship starts from March."),
            await bed.AddQuestionAsync("Why is placements spending over budget?", null, new DateOnly(2020, 12, 2), answer: "Two high-cost residential placements began in July.", topic: "Placements (looked after children)"),
            await bed.AddQuestionAsync("What is the plan for the SDQ score?", "CFE13", new DateOnly(2020, 12, 2), answer: "A clinical psychologist now joins placement reviews."),
        };
        await bed.AddQuestionAsync("What is the plan for care leavers?", "CFE30", new DateOnly(2020, 12, 4));

        var outcome = await bed.Packs.BuildAsync(bed.Snapshot, SummaryTestBed.Meeting, TestContext.Current.CancellationToken);
        var pack = Assert.IsType<MeetingPackOutcome.Ready>(outcome).Pack;
        using var stream = new MemoryStream(MeetingPackBuilder.Render(pack));
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document.Body!;
        string[] Headings(string style) => [.. body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText)];

        Assert.Equal("Questions and answers: Children & Families Scrutiny Committee, 9 December 2020", document.PackageProperties.Title);
        Assert.Equal("en-GB", document.PackageProperties.Language);
        Assert.Equal(["Meeting details", "Exception summary", "Questions and answers", "Sources"], Headings("Heading1"));
        Assert.Contains("Red measures (4)", Headings("Heading2"));
        Assert.Contains("Budget position 2020/21 Q2", Headings("Heading2"));
        Assert.Contains(Headings("Heading2"), h => h.StartsWith("Priority 2: ", StringComparison.Ordinal));
        Assert.Contains(Headings("Heading2"), h => h.StartsWith("Priority 3: ", StringComparison.Ordinal));
        Assert.Contains("Budget, savings and other questions", Headings("Heading2"));
        Assert.Contains("CFE27 Apprenticeship starts – Stockport residents aged under 19", Headings("Heading3"));
        Assert.All(answered, q => Assert.Contains(q.AnswerText!, body.InnerText, StringComparison.Ordinal));
        Assert.All(answered, q => Assert.Contains(q.QuestionText, body.InnerText, StringComparison.Ordinal));
        Assert.Contains("What is the plan for care leavers?", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("£61,370,000", body.InnerText, StringComparison.Ordinal);
        Assert.Contains("+£2,997,000 overspend", body.InnerText, StringComparison.Ordinal);
        Assert.All(body.Elements<Table>(), t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        var styles = document.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var heading1 = styles.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal(0, heading1.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("heading 1", heading1.StyleName!.Val!.Value);
        Assert.Equal("en-GB", styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Languages>()!.Val!.Value);
    }

    [Fact]
    public async Task NoPackForADayWithNoMeeting()
    {
        var bed = new SummaryTestBed();

        var outcome = await bed.Packs.BuildAsync(bed.Snapshot, new DateOnly(2020, 12, 10), TestContext.Current.CancellationToken);

        Assert.IsType<MeetingPackOutcome.NoSuchMeeting>(outcome);
    }
}
