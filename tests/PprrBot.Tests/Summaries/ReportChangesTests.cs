using PprrBot.Data.Imports;
using PprrBot.Data.Measures;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

public class ReportChangesTests
{
    [Fact]
    public void ComparesTheHeadlineRowsOfTheTwoSampleReports()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

        var changes = ReportChanges.Between(snapshot)!;

        Assert.Equal("Annual PPRR 2019/20", changes.PreviousReport);
        Assert.Equal("Mid-Year PPRR 2020/21", changes.LatestReport);
        Assert.Equal(["CFE03", "CFE22", "CFE29"], changes.NewlyOffTarget.Select(c => c.Measure.Code));
        var cfe03 = changes.Changes.Single(c => c.Measure.Code == "CFE03");
        Assert.Equal(Rag.Green, cfe03.Before.ReportedRag);
        Assert.Equal(Rag.Red, cfe03.Now.ReportedRag);
        Assert.Contains(changes.RatingChanged, c => c.Measure.Code == "CFE13" && c.Now.ReportedRag == Rag.Amber);
        Assert.Contains(changes.DirectionOnly, c => c.Measure.Code == "CFE38" && c.DirectionNow == "worsening");
        Assert.DoesNotContain(changes.Changes, c => c.Now.Value is null);
        Assert.Equal(4, changes.NotUpdated);
    }

    [Fact]
    public void CardSaysWhatChangedAndIsAnsweredForTheTypedQuestion()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
        var answerer = new PprrBot.Conversation.QuestionAnswerer(new PprrBot.Conversation.QuestionInterpreter());

        var answer = answerer.Respond("what changed since the last report", snapshot);
        var speak = answer.Messages[0].Card!["speak"]!.GetValue<string>();

        Assert.Contains("Newly off target: CFE03, from Green to Red, now worsening.", speak, StringComparison.Ordinal);
        Assert.Contains("Newly off target (3)", answer.Messages[0].Card!.ToJsonString(), StringComparison.Ordinal);
    }
}
