using PprrBot.Conversation;

namespace PprrBot.Tests.Conversation;

/// <summary>
/// The cues that decide what a member wants (intent-cues.json), as the interpreter asks about them: questions are given
/// as folded words padded with spaces.
/// </summary>
public sealed class IntentCuesTests
{
    private static readonly IntentCues Cues = IntentCues.Default;

    [Theory]
    [InlineData(" has it gone up or down since last year ", "since last year")]
    [InlineData(" did it rise or fall ", "rise or fall")]
    [InlineData(" is it going up ", "going up")]
    public void TheLongestMatchingCueOfTheKindIsTheOneReported(string question, string expected)
    {
        Assert.Equal(expected, Cues.Longest("trend", question));
    }

    [Fact]
    public void OfEquallyLongCuesTheFirstInTheFileIsReported()
    {
        // "rise" comes before "fall" in the trend list; both are four letters.
        Assert.Equal("rise", Cues.Longest("trend", " fall then rise "));
    }

    [Fact]
    public void ACueMatchesWholeWordsOnly()
    {
        Assert.True(Cues.Has("trend", " is absence rising "));
        Assert.False(Cues.Has("trend", " the uprisings of absence "));
        Assert.Null(Cues.Longest("trend", " the uprisings of absence "));
    }

    [Fact]
    public void AStarInACueStandsForAnyWordsInBetween()
    {
        Assert.True(Cues.Has("contact", " who is the school place planning manager "));
        Assert.False(Cues.Has("contact", " the manager who is the "));
    }

    [Fact]
    public void AnUnknownKindIsNeverMatched()
    {
        Assert.False(Cues.Has("no such kind", " trend "));
        Assert.Null(Cues.Longest("no such kind", " trend "));
    }

    [Fact]
    public void EachQuestionIsAnsweredForItselfNotFromTheQuestionBefore()
    {
        Assert.True(Cues.Has("trend", " has it got worse "));
        Assert.Equal("got worse", Cues.Longest("trend", " has it got worse "));

        Assert.False(Cues.Has("trend", " who is the lead officer "));
        Assert.Null(Cues.Longest("trend", " who is the lead officer "));
        Assert.True(Cues.Has("contact", " who is the lead officer "));
    }
}
