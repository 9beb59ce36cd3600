using PprrBot.Conversation;

namespace PprrBot.Tests.Conversation;

public sealed class SpellingCorrectorTests
{
    [Theory]
    [InlineData("absence", "absence", 0)]
    [InlineData("absense", "absence", 1)]
    [InlineData("persistant", "persistent", 1)]
    [InlineData("lookd", "looked", 1)]
    [InlineData("teh", "the", 1)]
    [InlineData("childen", "children", 1)]
    [InlineData("attainmnt", "attainment", 1)]
    [InlineData("pupils", "pupil", 1)]
    [InlineData("", "rag", 3)]
    [InlineData("rate", "", 3)]
    [InlineData("budgte", "budget", 1)]
    [InlineData("sen", "send", 1)]
    [InlineData("cared", "acred", 1)]
    [InlineData("exlcusions", "exclusions", 1)]
    [InlineData("exclsuions", "exclusions", 1)]
    public void DistanceCountsEditsWithAdjacentSwapsAsOne(string typed, string known, int expected)
    {
        var distance = SpellingCorrector.Distance(typed, known);

        Assert.Equal(expected, distance);
    }

    [Fact]
    public void TyposAreCorrectedToTheMostFrequentNearWord()
    {
        var corrector = new SpellingCorrector(
            ["absence", "persistent", "attainment", "assessment"],
            new Dictionary<string, int> { ["absence"] = 5, ["persistent"] = 3, ["attainment"] = 2, ["assessment"] = 1 });

        var corrected = new[] { "persistant", "absense", "attainmnt", "weather" }.Select(corrector.Correct);

        Assert.Equal(["persistent", "absence", "attainment", "weather"], corrected);
    }
}
