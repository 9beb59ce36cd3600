using System.Reflection;
using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Tests.Conversation;

/// <summary>
/// Cards are remembered per reading and snapshot (ComposedAnswers). A member must never be able to tell: every
/// remembered card is byte for byte the one composed fresh, and nothing tied to one member's words or to today is reused.
/// </summary>
public sealed class ComposedAnswersTests
{
    private static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("dev-questions.csv")]
    [InlineData("phrasing-questions.csv")]
    public void EveryQuestionGetsTheCardsComposedFreshForItWhenItsReadingWasRememberedFromAnotherWording(string file)
    {
        var answerer = new QuestionAnswerer(new QuestionInterpreter());
        var questions = QuestionSetTests.ReadQuestions(file).ToList();
        foreach (var row in questions)
        {
            _ = answerer.Respond(row.Question, Snapshot);
        }

        var differences = new List<string>();
        var remembered = 0;
        foreach (var row in questions)
        {
            var answer = answerer.Respond(row.Question, Snapshot);
            if (Reading.Of(answer.Question) is null)
            {
                continue;
            }

            remembered++;
            if (Rendered(answer.Messages) != Rendered(QuestionAnswerer.Compose(answer.Question, Snapshot).Messages))
            {
                differences.Add($"{row.Id} \"{row.Question}\"");
            }
        }

        Assert.Empty(differences);
        Assert.True(remembered > questions.Count / 2, $"only {remembered} of {questions.Count} readings were remembered");
    }

    [Fact]
    public void DifferentWordingsOfTheSameQuestionShareOneComposition()
    {
        var answers = new ComposedAnswers();
        var interpreter = new QuestionInterpreter();
        var composed = 0;

        var first = answers.GetOrCompose(interpreter.Interpret("what is the persistent absence rate for SEN?", Snapshot), Snapshot, 0, Counting);
        var second = answers.GetOrCompose(interpreter.Interpret("SEN persistent absence", Snapshot), Snapshot, 0, Counting);

        Assert.Equal(1, composed);
        Assert.Same(first, second);
        Assert.Equal(1, answers.Count);

        IReadOnlyList<BotMessage> Counting(Question question, PprrSnapshot snapshot, int state)
        {
            composed++;
            return QuestionAnswerer.Compose(question, snapshot).Messages;
        }
    }

    [Fact]
    public void ANewSnapshotGetsCardsComposedFromItsOwnData()
    {
        var answers = new ComposedAnswers();
        var interpreter = new QuestionInterpreter();
        var reloaded = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch.AddDays(1));
        var composedFrom = new List<PprrSnapshot>();

        _ = answers.GetOrCompose(interpreter.Interpret("what's red?", Snapshot), Snapshot, composedFrom, Recording);
        _ = answers.GetOrCompose(interpreter.Interpret("what's red?", reloaded), reloaded, composedFrom, Recording);

        Assert.Equal([Snapshot, reloaded], composedFrom);

        static IReadOnlyList<BotMessage> Recording(Question question, PprrSnapshot snapshot, List<PprrSnapshot> composedFrom)
        {
            composedFrom.Add(snapshot);
            return QuestionAnswerer.Compose(question, snapshot).Messages;
        }
    }

    [Theory]
    [InlineData("absence please", "absence thanks", true)]
    [InlineData("how many youth clubs are open", "how many libraries are open", false)]
    public void AMembersOwnWordsAreNeverShownToAnotherMember(string first, string second, bool ambiguous)
    {
        var answerer = new QuestionAnswerer(new QuestionInterpreter());
        Question Reading(string text) => ambiguous
            ? new(Intent.MeasureLookup, text) { Alternatives = [Snapshot.Measure("CFE08")!, Snapshot.Measure("CFE09")!] }
            : new(Intent.MeasureLookup, text) { Suggestions = [Snapshot.Measure("CFE05")!] };

        _ = answerer.AnswerTo(Reading(first), Snapshot);
        var answer = Rendered(answerer.AnswerTo(Reading(second), Snapshot).Messages);

        Assert.Contains(second, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(first, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("when is the next meeting?")]
    [InlineData("brief me for tonight")]
    public void ReadingsWhoseCardsShowTodayAreNotRemembered(string text)
    {
        Assert.Null(Reading.Of(new QuestionInterpreter().Interpret(text, Snapshot)));
    }

    [Fact]
    public void EveryPropertyOfAQuestionIsEitherPartOfTheReadingOrNamedAsNeverComposedFrom()
    {
        var properties = typeof(Question).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        Assert.Equal(
            properties.Order(StringComparer.Ordinal),
            Reading.KeyedProperties.Concat(Reading.UnkeyedProperties).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PastItsCapacityItComposesWithoutRemembering()
    {
        var answers = new ComposedAnswers(capacity: 1);
        var interpreter = new QuestionInterpreter();

        _ = answers.GetOrCompose(interpreter.Interpret("what's red?", Snapshot), Snapshot, 0, static (q, s, _) => QuestionAnswerer.Compose(q, s).Messages);
        var finance = answers.GetOrCompose(interpreter.Interpret("what is the forecast out-turn?", Snapshot), Snapshot, 0, static (q, s, _) => QuestionAnswerer.Compose(q, s).Messages);

        Assert.Equal(1, answers.Count);
        Assert.Contains("out-turn", Rendered(finance), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Messages as they go on the wire: each card's JSON, or the message text.</summary>
    internal static string Rendered(IReadOnlyList<BotMessage> messages) =>
        string.Join('\n', messages.Select(m => m.CardJson is { } card ? System.Text.Encoding.UTF8.GetString(card.Span) : m.Text));
}
