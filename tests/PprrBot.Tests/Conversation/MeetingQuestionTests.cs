using Microsoft.Extensions.Time.Testing;
using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Routing;

namespace PprrBot.Tests.Conversation;

/// <summary>Meeting questions read as the meeting card, on a fixed clock; and the near misses that keep their reading.</summary>
public class MeetingQuestionTests
{
    private static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    // Friday 20 November 2020, noon in London: the next meeting is Wednesday 9 December 2020.
    private static readonly DateTimeOffset BeforeDecember = new(2020, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("when is the next committee meeting?", "2020-12-09")]
    [InlineData("when's the deadline for questions?", "2020-12-09")]
    [InlineData("what's on at the next scrutiny meeting?", "2020-12-09")]
    [InlineData("which report is going to the meeting on 9 September?", "2020-09-09")]
    [InlineData("how long have I got to send questions for tonight?", "2020-12-09")]
    [InlineData("what's on the agenda at the June meeting", "2021-06-16")]
    [InlineData("when is the mid-year report meeting?", "2020-12-09")]
    [InlineData("when does the committee meet to look at the third quarter update", "2021-03-10")]
    [InlineData("when is the annual report 2020/21 going to committee", "2021-06-16")]
    [InlineData("what date is the PPRA meeting", "2020-09-09")]
    [InlineData("When is the next meeting?", "2020-12-09")]
    public void ReadsMeetingQuestionsAsTheMeetingTheyName(string text, string date)
    {
        var question = new QuestionInterpreter(Clock(BeforeDecember)).Interpret(text, Snapshot);

        Assert.Equal(Intent.Meeting, question.Intent);
        Assert.Equal(["MEET:" + date], QuestionCodes.For(question));
    }

    [Theory]
    [InlineData("send this to the officer before the meeting", "route_question")]
    [InlineData("please send my question to the officer before the deadline", "route_question")]
    [InlineData("I want to submit a question for the next meeting about placement stability", "route_question")]
    [InlineData("brief me for tonight's meeting", "chair_brief")]
    [InlineData("brief me for the next meeting", "chair_brief")]
    [InlineData("Brief me for the 9 December 2020 meeting", "chair_brief")]
    [InlineData("summary for the meeting", "chair_brief")]
    [InlineData("headlines for the 9 December meeting", "chair_brief")]
    [InlineData("who do I speak to about the agenda for the next meeting", "contact_lookup")]
    [InlineData("when is the next bin collection", "out_of_scope")]
    [InlineData("how many EHC plans were issued within the 20 week deadline?", "measure_lookup")]
    public void KeepsTheReadingOfQuestionsThatOnlyMentionAMeeting(string text, string intent)
    {
        var question = new QuestionInterpreter(Clock(BeforeDecember)).Interpret(text, Snapshot);

        Assert.Equal(intent, QuestionCodes.Name(question.Intent));
    }

    [Fact]
    public void ChoosesTheLastMeetingWhenNoneIsAhead()
    {
        var question = new QuestionInterpreter(Clock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))).Interpret("when is the next meeting?", Snapshot);

        Assert.Equal(new DateOnly(2021, 6, 16), question.Meeting?.Date);
    }

    [Fact]
    public void AnswersWithTheDayTimeReportAndQuestionDeadline()
    {
        var clock = Clock(BeforeDecember);
        var answerer = new QuestionAnswerer(new QuestionInterpreter(clock), deadlines: DeadlineCalculator.WithDefaults(clock));

        var answer = answerer.Respond("when is the next committee meeting?", Snapshot);

        Assert.Equal("meeting", answer.Intent);
        Assert.Contains("Wednesday 9 December 2020, 6pm", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Mid-Year PPRR 2020/21", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Send detailed questions before Thursday 3 December 2020, the day officers answer them by", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysTheMeetingHasPassedAndNoLaterMeetingIsInTheData()
    {
        var clock = Clock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var answerer = new QuestionAnswerer(new QuestionInterpreter(clock), deadlines: DeadlineCalculator.WithDefaults(clock));

        var answer = answerer.Respond("when is the next meeting?", Snapshot);

        Assert.Contains("Wednesday 16 June 2021, 6pm", answer.Text, StringComparison.Ordinal);
        Assert.Contains("This meeting has passed. No later meeting is in the data.", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Send detailed questions before", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhenItIsTooLateForQuestionsToTonightsMeeting()
    {
        // Wednesday 9 December 2020, 10am: the meeting is tonight; questions had to be answered by 3 December.
        var clock = Clock(new DateTimeOffset(2020, 12, 9, 10, 0, 0, TimeSpan.Zero));
        var answerer = new QuestionAnswerer(new QuestionInterpreter(clock), deadlines: DeadlineCalculator.WithDefaults(clock));

        var answer = answerer.Respond("how long have I got to send questions for tonight?", Snapshot);

        Assert.Contains("Detailed questions had to be answered by Thursday 3 December 2020", answer.Text, StringComparison.Ordinal);
        Assert.Contains("a question sent now is for the meeting on Wednesday 10 March 2021, 6pm", answer.Text, StringComparison.Ordinal);
    }

    private static FakeTimeProvider Clock(DateTimeOffset now) => new(now);
}
