using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>What the bot can do, with example questions as buttons; and the honest answer to a question
/// outside the report.</summary>
internal static class HelpCard
{
    /// <summary>Example questions; each button asks it as if the member had typed it.</summary>
    public static readonly IReadOnlyList<string> Examples =
    [
        "What is the persistent absence rate for SEN?",
        "Which measures are red?",
        "How is priority 4 doing?",
        "What is the forecast overspend?",
        "Who do I ask about the social care budget?",
        "When is the next meeting?",
    ];

    private static readonly string[] Abilities =
    [
        "- **A measure**: its figure, target, rating and why, trend, comparison with England and the North West, and commentary",
        "- **Lists**: which measures are Red, Amber or Green, by priority",
        "- **Money**: budget, out-turn and variance, and the savings programme",
        "- **People**: who to contact, and sending a question to the right officer before the meeting",
        "- **Meetings**: when the next one is, what it considers, and the deadline for questions",
    ];

    /// <param name="portfolio">The portfolio the loaded report covers, e.g. "Children, Family Services &amp; Education".</param>
    public static BotMessage Build(string portfolio)
    {
        var document = new CardDocument(null);
        document.Add(Heading("What I can help with", size: "Large"));
        document.Add(Text($"I answer from the {portfolio} Portfolio Performance and Resource Report (PPRR), with the source of every figure.", spacing: "Small"));
        document.Add(Text(string.Join("\n", Abilities), spacing: "Medium"));
        document.Add(Heading("Try asking", size: "Default", spacing: "Medium"));
        document.AddRange(ExampleButtons(Examples));

        return document.ToMessage(
            $"I answer questions about the {portfolio} performance report: measures and their ratings, trends and comparisons, lists of Red, Amber or Green measures, the budget and savings, who to contact, and when the next meeting is. I can also send your question to an officer before the meeting.",
            "Ask me about a measure, which measures are red, the budget, savings or who to contact, or send a question to an officer. For example: " + string.Join(" / ", Examples),
            "What PprrBot can help with");
    }

    /// <summary>The answer to a question the report does not cover: say so, never invent a figure.</summary>
    public static BotMessage OutOfScope(string portfolio)
    {
        var document = new CardDocument(null);
        document.Add(Heading("That's outside what I know", size: "Medium"));
        document.Add(Text($"I only answer from the {portfolio} performance report: its measures, ratings, budget, savings and contacts. I have nothing on that, and I won't guess.", spacing: "Small"));
        document.Add(Heading("You could ask", size: "Default", spacing: "Medium"));
        document.AddRange(ExampleButtons(Examples.Take(3)));

        var answer = $"That's outside what I know: I only answer from the {portfolio} performance report, and I won't guess.";
        return document.ToMessage(answer, answer, "Outside the performance report");
    }

    // One button per row: side by side, whole questions are cut to a few letters on a phone.
    private static IEnumerable<CardObject> ExampleButtons(IEnumerable<string> questions) =>
        questions.Select(q => ActionSet([Submit(q, CardData.Ask(q))], spacing: "Small"));
}
