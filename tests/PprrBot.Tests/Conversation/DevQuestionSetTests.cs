using System.Globalization;
using CsvHelper;
using PprrBot.Conversation;
using PprrBot.Data.Imports;

namespace PprrBot.Tests.Conversation;

/// <summary>
/// The development question set (a copy of ../shared/reference/dev-questions.csv): every question must get
/// the expected intent and exactly the expected items. Prints the accuracy; fails below 95%.
/// </summary>
public class DevQuestionSetTests
{
    [Fact]
    public void DevelopmentQuestionsAreAnsweredWithTheExpectedIntentAndItemsAtLeast95PercentOfTheTime()
    {
        var snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);
        var interpreter = new QuestionInterpreter();
        var rows = ReadQuestions();
        var failures = new List<string>();

        foreach (var row in rows)
        {
            var question = interpreter.Interpret(row.Question, snapshot);
            var intent = QuestionCodes.Name(question.Intent);
            var codes = QuestionCodes.For(question).Order(StringComparer.Ordinal).ToList();
            if (intent != row.Intent || !codes.SequenceEqual(row.Codes, StringComparer.Ordinal))
            {
                failures.Add($"{row.Id} \"{row.Question}\": expected {row.Intent} [{string.Join(';', row.Codes)}], got {intent} [{string.Join(';', codes)}]");
            }
        }

        var accuracy = (rows.Count - failures.Count) / (double)rows.Count;
        TestContext.Current.SendDiagnosticMessage($"Dev question set: {rows.Count - failures.Count}/{rows.Count} correct ({accuracy:P1}).");
        Console.WriteLine($"Dev question set: {rows.Count - failures.Count}/{rows.Count} correct ({accuracy:P1}).");
        foreach (var failure in failures)
        {
            Console.WriteLine("  " + failure);
        }

        Assert.True(accuracy >= 0.95, $"Accuracy {accuracy:P1} is below 95%:\n{string.Join('\n', failures)}");
    }

    internal static List<DevQuestion> ReadQuestions()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Conversation", "dev-questions.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<DevQuestion>();
        while (csv.Read())
        {
            var codes = (csv.GetField("expected_codes") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add(new DevQuestion(csv.GetField("id")!, csv.GetField("question")!, csv.GetField("expected_intent")!, [.. codes.Order(StringComparer.Ordinal)]));
        }

        return rows;
    }

    internal sealed record DevQuestion(string Id, string Question, string Intent, IReadOnlyList<string> Codes);
}
