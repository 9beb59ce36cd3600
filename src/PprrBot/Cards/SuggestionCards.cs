using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Cards;

/// <summary>
/// What to show when the question does not settle on one measure: "did you mean" when two or three fit
/// about equally, and an honest "no match" with the closest measures and an offer to ask the performance
/// officer when nothing fits. Never a guessed figure.
/// </summary>
internal static class SuggestionCards
{
    public const int MaxCandidates = 3;

    /// <param name="question">The member's words, shown back so they can see what was asked.</param>
    public static BotMessage DidYouMean(PprrSnapshot snapshot, string question, IReadOnlyList<MeasureView> candidates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates.Count, 1);
        var shown = candidates.Take(MaxCandidates).ToList();

        var document = new CardDocument(snapshot);
        document.Add(Heading("Which measure did you mean?", size: "Medium"));
        document.Add(Text($"More than one measure fits \u201c{question}\u201d. Choose one:", spacing: "Small"));
        document.AddRange(shown.Select(Candidate));
        document.Action(Submit("None of these: ask an officer", CardData.RouteStart(question: question)));

        var list = string.Join("; ", shown.Select(m => $"{m.Code} {m.Name}"));
        return document.ToMessage(
            "Which measure did you mean? " + string.Join(". ", shown.Select(m => $"{m.Code}, {UkFormat.SpokenText(m.Name)}")) + ".",
            $"Which measure did you mean? {list}.",
            $"Did you mean: {string.Join(", ", shown.Select(m => m.Code))}?");
    }

    /// <param name="closest">The nearest measures by the caller's reckoning (may be empty).</param>
    public static BotMessage NoMatch(PprrSnapshot snapshot, string question, IReadOnlyList<MeasureView> closest)
    {
        var shown = closest.Take(MaxCandidates).ToList();
        var document = new CardDocument(snapshot);
        document.Add(Heading("I couldn't find that measure", size: "Medium"));
        document.Add(Text($"Nothing in the report matches \u201c{question}\u201d closely enough, so I won't guess a figure.", spacing: "Small"));
        if (shown.Count > 0)
        {
            document.Add(Text("The closest measures are:", weight: "Bolder", spacing: "Medium"));
            document.AddRange(shown.Select(Candidate));
        }

        document.Add(Text("Or send the question to the performance officer, who can answer before the meeting.", spacing: "Medium"));
        document.Action(Submit("Send to the performance officer", CardData.RouteStart(question: question)));

        var closestText = shown.Count > 0 ? " Closest: " + string.Join("; ", shown.Select(m => $"{m.Code} {m.Name}")) + "." : "";
        return document.ToMessage(
            "I couldn't find a measure that matches your question, so I won't guess a figure." +
                (shown.Count > 0 ? " The closest are " + string.Join(", ", shown.Select(m => $"{m.Code}, {UkFormat.SpokenText(m.Name)}")) + "." : "") +
                " You can send the question to the performance officer.",
            $"No measure matches \u201c{question}\u201d.{closestText} You can send it to the performance officer.",
            "No matching measure: send it to the performance officer?");
    }

    private static CardObject Candidate(MeasureView measure)
    {
        var current = measure.Current;
        var figure = current is null
            ? "No figure held"
            : $"Latest: {UkFormat.Value(current.Value!.Value, measure.Measure.Unit)} ({current.Period}), {RagWording.Word(current.ReportedRag)}";
        // The button sits with its measure: side by side at the foot of the card, "Show CFE05" is cut short.
        return Container(
            [
                Text($"{measure.Code}: {measure.Name}", weight: "Bolder"),
                Text($"{measure.Priority.Label} · {figure}", size: "Small", subtle: true, spacing: "None"),
                ActionSet([Submit("Show " + measure.Code, CardData.Show(measure.Code))], spacing: "Small"),
            ],
            style: "emphasis",
            spacing: "Small");
    }
}
