using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Tests.Conversation;

public class QuestionAnswererTests
{
    private static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
    private readonly QuestionAnswerer _answerer = new(new QuestionInterpreter());

    [Fact]
    public void ShowsTheCurrentPositionAndSaysWhenALaterPeriodHasNoFigure()
    {
        var answer = _answerer.Respond("what is the persistent absence rate?", Snapshot);

        Assert.Contains("10.4% (2018/19)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("No 2019/20 figure", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheNamedReportsHeadlineRow()
    {
        var answer = _answerer.Respond("SDQ score in the annual report", Snapshot);

        Assert.Contains("(2019/20)", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2020/21 Q2)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsTheReportedRatingAndTheRuleWhenOfficersJudgedDifferently()
    {
        var answer = _answerer.Respond("care leavers in suitable accommodation", Snapshot);

        Assert.Contains("Reported Amber", answer.Text, StringComparison.Ordinal);
        Assert.Contains("would be Green", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsOnlyTheMeasuresWithTheRatingAskedFor()
    {
        var answer = _answerer.Respond("Which priority 2 indicators were rated Red at quarter 2?", Snapshot);

        Assert.Contains("CFE07", answer.Text, StringComparison.Ordinal);
        Assert.Contains("CFE27", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CFE06", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesTheCashLimitTotalAsTheDataStatesIt()
    {
        var answer = _answerer.Respond("What is the forecast out-turn for the portfolio at quarter 2?", Snapshot);

        Assert.Contains("£61,370,000", answer.Text, StringComparison.Ordinal);
        Assert.Contains("£64,367,000", answer.Text, StringComparison.Ordinal);
        Assert.Contains("+£2,997,000", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEveryContactWhenAContactQuestionNamesNoOne()
    {
        var answer = _answerer.Respond("phone number?", Snapshot);

        Assert.Contains("474 3186", answer.Text, StringComparison.Ordinal);
        Assert.Contains("474 3886", answer.Text, StringComparison.Ordinal);
        Assert.Contains("474 3947", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GivesTheNamedPersonsDetails()
    {
        var answer = _answerer.Respond("Gill Dixon's phone number", Snapshot);

        Assert.Contains("474 3886", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("474 3186", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarksEveryAnswerFromTheSampleAsNotOfficialFigures()
    {
        var answer = _answerer.Respond("LAC numbers", Snapshot);

        Assert.All(answer.Messages, m => Assert.Contains("Sample data, not official figures", m.Card!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void NeverPutsAFigureInAnOutOfScopeAnswer()
    {
        var answer = _answerer.Respond("What's the weather going to be like in Stockport tomorrow?", Snapshot);

        Assert.Equal("out_of_scope", answer.Intent);
        Assert.DoesNotMatch(@"\d", answer.Text);
    }
}
