using PprrBot.Cards;
using PprrBot.Data.Measures;

namespace PprrBot.Tests.Cards;

public class RagWordingTests
{
    private static RagExplanation Explain(string code, string period)
    {
        var measure = CardGallery.Snapshot.Measure(code)!;
        return RagWording.Explain(measure.Measure, measure.ForPeriod(period)!);
    }

    [Fact]
    public void ExplainsAmberShortfallWithinTolerance()
    {
        var explanation = Explain("CFE01", "2018/19");

        Assert.Equal("Amber: 1.4 points short of the 72.5% target, within the 1.5-point tolerance", explanation.Text);
    }

    [Fact]
    public void ExplainsGreenWhenTheTargetIsBeaten()
    {
        var explanation = Explain("CFE02", "2020/21 Q2");

        Assert.Equal("Green: 96.3% beats the 95.0% target", explanation.Text);
    }

    [Fact]
    public void ExplainsRedBeyondTolerance()
    {
        var explanation = Explain("CFE03", "2020/21 Q2");

        Assert.Equal("Red: 8 points short of the 80% target, beyond the 5-point tolerance", explanation.Text);
    }

    [Fact]
    public void SaysAboveTheTargetWhenLowerIsBetter()
    {
        var explanation = Explain("CFE08", "2018/19");

        Assert.Equal("Amber: 0.4 points above the 10.0% target, within the 0.5-point tolerance", explanation.Text);
    }

    [Fact]
    public void SaysContextMeasuresAreNotRatedBecauseTheyDescribeDemand()
    {
        var explanation = Explain("CFE17", "2020/21 Q2");

        Assert.Null(explanation.Reported);
        Assert.Equal("Not rated: a context measure; it describes demand, so it has no target", explanation.Text);
    }

    [Fact]
    public void SaysWhenNoTargetWasSet()
    {
        var explanation = Explain("CFE11", "2019/20");

        Assert.Equal("Not rated: no target was set for 2019/20", explanation.Text);
    }

    [Fact]
    public void GivesTheRuleAndTheOfficersReasonWhenTheReportedRatingDiffers()
    {
        var explanation = Explain("CFE29", "2020/21 Q2");

        Assert.Equal(Rag.Amber, explanation.Reported);
        Assert.Equal(Rag.Green, explanation.ByRule);
        Assert.Equal("Reported Amber; by the target rule this would be Green: 91% beats the 90% target", explanation.Text);
        Assert.StartsWith("Rated Amber although 91% meets the 90% target", explanation.OfficerReason, StringComparison.Ordinal);
        Assert.EndsWith("Covid-19 housing protections end.", explanation.OfficerReason, StringComparison.Ordinal);
    }

    [Fact]
    public void FindsTheOfficersReasonInTheMiddleOfTheCommentary()
    {
        var explanation = Explain("CFE31", "2018/19");

        Assert.Equal("Reported Green; by the target rule this would be Amber: 1 point short of the 12% target, within the 2-point tolerance", explanation.Text);
        Assert.StartsWith("Rated Green rather than Amber", explanation.OfficerReason, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeaksPercentagesInWords()
    {
        var explanation = Explain("CFE08", "2018/19");

        Assert.Equal("Amber: 0.4 points above the 10.0 per cent target, within the 0.5-point tolerance", explanation.Spoken);
    }

    [Fact]
    public void CountsRatingsInRedAmberGreenOrder()
    {
        Rag?[] ratings = [Rag.Green, Rag.Red, null, Rag.Amber, Rag.Red, Rag.Green];

        var counts = RagWording.Counts(ratings);

        Assert.Equal("Red 2, Amber 1, Green 2, not rated 1", counts);
    }
}
