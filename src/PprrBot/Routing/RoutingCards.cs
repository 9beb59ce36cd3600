using PprrBot.Cards;
using PprrBot.Data.Contacts;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using static PprrBot.Cards.CardElements;

namespace PprrBot.Routing;

/// <summary>What the confirmation card shows before a question is sent.</summary>
public sealed record RouteDraft(
    string QuestionText,
    MeasureContext? Context,
    string? Topic,
    OfficerChoice Officer,
    DeadlineOutcome Deadline,
    IReadOnlyList<RoutedQuestion> EarlierAnswers);

/// <summary>A question with its officer, for cards and lists.</summary>
public sealed record QuestionCardView(RoutedQuestion Question, Contact? Officer, bool Overdue);

/// <summary>
/// Adaptive Card 1.5 builders for routing: every TextBlock wraps, every card has speak and fallbackText, and
/// every message has a notification summary. Member buttons are Action.Submit (arrive as messages with
/// <c>{"pprr": verb}</c>); officer buttons are Action.Execute in an ActionSet with an Action.Submit fallback.
/// </summary>
internal static class RoutingCards
{
    public const string SendVerb = "route.send";
    public const string CancelVerb = "route.cancel";
    public const string StartVerb = "route.start";
    public const string AnswerVerb = "route.answer";
    public const string ReassignVerb = "route.reassign";
    public const string ExtendVerb = "route.extend";

    // Input ids: the values arrive in the submit / invoke data under these names.
    public const string QuestionInput = "question";
    public const string OfficerInput = "officerRole";
    public const string AnswerInput = "answer";
    public const string ReassignReasonInput = "reassignReason";
    public const string ExtendReasonInput = "extendReason";

    /// <summary>The one reason id officer cards used before each box had its own (ids must be unique on a card); still read.</summary>
    public const string ReasonInput = "reason";
    public const string NewDateInput = "newDate";

    public static BotMessage Confirmation(RouteDraft draft)
    {
        var card = new CardDocument(snapshot: null).Add(Heading("Send a question to an officer"));
        var officer = draft.Officer.Officer;
        var answered = draft.EarlierAnswers;
        if (answered.Count > 0)
        {
            card.Add(Text(answered.Count == 1
                ? "This has been asked before. The earlier answer may help:"
                : $"Similar questions have been asked before. The {answered.Count} earlier answers may help:", weight: "Bolder"));
            foreach (var earlier in answered)
            {
                card.Add(Quote(
                    Text($"{earlier.Reference}: {earlier.QuestionText}", weight: "Bolder"),
                    Text(earlier.AnswerText ?? ""),
                    Text(AnsweredLine(earlier), subtle: true)));
            }
        }

        if (draft.Context is { } context)
        {
            card.Add(Text("About", weight: "Bolder"));
            card.Add(Quote(Text($"{context.Code} {context.Name}"), Text(context.Summary())));
        }
        else if (draft.Topic is { Length: > 0 } topic)
        {
            card.Add(Text($"About: {topic}"));
        }

        card.Add(TextInput(QuestionInput, "Your question", maxLength: 4000, multiline: true,
            requiredMessage: "Please write your question.", placeholder: "Type your question for the officer", value: draft.QuestionText));
        card.Add(Text($"Suggested officer: {officer.Name}, {officer.Title}. You can choose another below. Democratic Services is copied on every question.", weight: "Bolder"));
        card.Add(ChoiceInput(OfficerInput, "Send it to", Choices(draft.Officer.Candidates), requiredMessage: "Please choose an officer.", value: officer.Role));
        card.Add(Text(DeadlineSentence(draft.Deadline)));

        var sendData = new CardObject { [CardData.Key] = SendVerb }
            .SetIfPresent("code", draft.Context?.Code)
            .SetIfPresent("period", draft.Context?.Period)
            .SetIfPresent("topic", draft.Topic is { Length: > 0 } ? draft.Topic : null);
        if (answered.Count > 0)
        {
            card.Action(Submit("That answers it", new CardObject { [CardData.Key] = CancelVerb, ["reason"] = "answered" }))
                .Action(Submit("Send anyway", sendData));
        }
        else
        {
            card.Action(Submit("Send", sendData))
                .Action(Submit("Cancel", new CardObject { [CardData.Key] = CancelVerb }));
        }

        var speak = $"Your question will go to {officer.Name}, {officer.Title}. {DeadlineSentence(draft.Deadline)}";
        var fallback = $"Question for {officer.Name}, {officer.Title}: {Sentence(draft.QuestionText)} {DeadlineSentence(draft.Deadline)}";
        return card.ToMessage(speak, fallback, $"Check your question for {officer.Name}");
    }

    public static BotMessage Acknowledgement(RoutedQuestion question, Contact? officer)
    {
        var who = OfficerLine(question, officer);
        var sentence = $"Question {question.Reference} has gone to {who}, to be answered by {LongDate(question.AnswerBy)}.";
        var card = new CardDocument(snapshot: null)
            .Add(Heading($"Question sent: {question.Reference}"))
            .Add(Text($"Your question has gone to {who}. Democratic Services has a copy."));
        if (question.MissedMeetingDate is { } missed)
        {
            var late = $"It came too late for the meeting on {LongDate(missed)}, so it is dated for {(question.MeetingDate is { } next ? $"the meeting on {LongDate(next)}" : "the usual service level")}.";
            card.Add(Text(late, color: "Attention"));
            sentence = $"{sentence} {late}";
        }

        card.Add(Facts(
            [
                ("Reference", question.Reference),
                ("Officer", who),
                ("Meeting", MeetingLine(question)),
                ("Answer by", LongDate(question.AnswerBy)),
            ]))
            .Add(Quote(Text(question.QuestionText)));
        return card.ToMessage(sentence, $"{sentence} Democratic Services has a copy.", $"Question {question.Reference} sent");
    }

    public static BotMessage OfficerRequest(RoutedQuestion question, IReadOnlyList<Contact> reassignTo, string? banner = null)
    {
        var card = new CardDocument(snapshot: null);
        if (banner is not null)
        {
            card.Add(Text(banner, weight: "Bolder", color: "Attention"));
        }

        card.Add(Heading($"Question {question.Reference} for you"));
        AddQuestionDetails(card, question);
        card.Add(Facts([("Meeting", MeetingLine(question)), ("Answer by", LongDate(question.AnswerBy))]));

        var others = reassignTo.Where(c => !string.Equals(c.Role, question.AssignedRole, StringComparison.Ordinal));
        card.Add(ActionSet(
        [
            ShowCard("Answer",
            [
                TextInput(AnswerInput, "Your answer", maxLength: 8000, multiline: true, requiredMessage: "Please write the answer."),
                ExecuteSet("Send answer", AnswerVerb, question.Reference),
            ]),
            ShowCard("Reassign",
            [
                ChoiceInput(OfficerInput, "Reassign to", Choices(others), requiredMessage: "Please choose an officer."),
                ReasonField(ReassignReasonInput, "Why it should go to them"),
                ExecuteSet("Reassign", ReassignVerb, question.Reference),
            ]),
            ShowCard("Need more time",
            [
                DateInput(NewDateInput, "New answer-by date", min: question.AnswerBy.AddDays(1), requiredMessage: "Please choose a date."),
                ReasonField(ExtendReasonInput, "Why more time is needed"),
                ExecuteSet("Ask for more time", ExtendVerb, question.Reference),
            ]),
        ]));

        var speak = $"{banner} Question {question.Reference} from {MemberLine(question)}, to be answered by {LongDate(question.AnswerBy)}: {Sentence(question.QuestionText)}".TrimStart();
        return card.ToMessage(speak, speak, $"Question {question.Reference}: answer by {ShortDate(question.AnswerBy)}");
    }

    /// <summary>The officer card once answered: the answer, who and when, no inputs. Everyone who can see the card sees this.</summary>
    public static BotMessage OfficerAnswered(RoutedQuestion question)
    {
        var card = new CardDocument(snapshot: null).Add(Heading($"Question {question.Reference}: answered"));
        AddQuestionDetails(card, question);
        var answeredLine = AnsweredLine(question);
        card.Add(Text("Answer", weight: "Bolder"))
            .Add(Quote(Text(question.AnswerText ?? "")))
            .Add(Text(answeredLine, subtle: true));
        var speak = $"Question {question.Reference} was {answeredLine[0..1].ToLowerInvariant()}{answeredLine[1..]}.";
        return card.ToMessage(speak, $"{speak} Answer: {question.AnswerText}", $"Question {question.Reference} answered");
    }

    /// <summary>The answer as the member receives it.</summary>
    public static BotMessage MemberAnswer(RoutedQuestion question, Contact? officer)
    {
        var card = new CardDocument(snapshot: null)
            .Add(Heading($"Answer to your question {question.Reference}"))
            .Add(Text("You asked", weight: "Bolder"))
            .Add(Quote(Text(question.QuestionText)))
            .Add(Text($"{question.AnsweredByName ?? officer?.Name ?? "The officer"} answered", weight: "Bolder"))
            .Add(Quote(Text(question.AnswerText ?? "")))
            .Add(Text(AnsweredLine(question, officer), subtle: true));
        if (question.MeetingDate is { } meeting)
        {
            card.Add(Text($"For the meeting on {LongDate(meeting)}."));
        }

        var speak = $"{question.AnsweredByName ?? "The officer"} has answered your question {question.Reference}.";
        return card.ToMessage(
            speak,
            $"{speak} You asked: {Sentence(question.QuestionText)} Answer: {Sentence(question.AnswerText ?? "")}",
            $"Answer to {question.Reference}");
    }

    /// <summary>A short notice: copies to Democratic Services, reassignments, extensions, escalations, notes to members.</summary>
    public static BotMessage Notice(string heading, string text, RoutedQuestion question, Contact? officer) =>
        new CardDocument(snapshot: null)
            .Add(Heading(heading))
            .Add(Text(text))
            .Add(Facts(
            [
                ("Reference", question.Reference),
                ("From", MemberLine(question)),
                ("Officer", OfficerLine(question, officer)),
                ("Meeting", MeetingLine(question)),
                ("Answer by", LongDate(question.AnswerBy)),
            ]))
            .Add(Quote(Text(question.QuestionText)))
            .ToMessage($"{heading}. {Sentence(text)}", $"{heading}. {Sentence(text)} Question: {Sentence(question.QuestionText)}", heading);

    /// <summary>"My questions" and "Questions for the 9 December meeting": open, overdue and answered, each with reference, measure, officer and date.</summary>
    public static BotMessage QuestionList(string heading, IReadOnlyList<QuestionCardView> questions)
    {
        var card = new CardDocument(snapshot: null).Add(Heading(heading));
        if (questions.Count == 0)
        {
            card.Add(Text("There are no questions yet."));
            return card.ToMessage($"{heading}: none.", $"{heading}: none.", heading);
        }

        var groups = new (string Title, IReadOnlyList<QuestionCardView> Items)[]
        {
            ("Overdue", questions.Where(q => q.Overdue).ToList()),
            ("Open", questions.Where(q => !q.Overdue && q.Question.Status == RoutedQuestionStatus.Open).ToList()),
            ("Answered", questions.Where(q => q.Question.Status == RoutedQuestionStatus.Answered).ToList()),
        };
        var spoken = new List<string>();
        foreach (var (title, items) in groups.Where(g => g.Items.Count > 0))
        {
            card.Add(Text($"{title} ({items.Count})", weight: "Bolder", color: title == "Overdue" ? "Attention" : null));
            foreach (var item in items.OrderBy(i => i.Question.AnswerBy).ThenBy(i => i.Question.Reference, StringComparer.Ordinal))
            {
                var q = item.Question;
                var when = q.Status == RoutedQuestionStatus.Answered && q.AnsweredAt is { } at
                    ? $"answered {ShortDate(DeadlineCalculator.UkDate(at))}"
                    : $"answer by {ShortDate(q.AnswerBy)}";
                card.Add(Container(
                    [
                        Text($"{q.Reference} ({title.ToLowerInvariant()}): {q.MeasureCode ?? q.Topic ?? "general"}", weight: "Bolder"),
                        Text(q.QuestionText, maxLines: 3),
                        Text($"{item.Officer?.Name ?? q.AssignedRole}, {when}", subtle: true),
                    ],
                    separator: true));
            }

            spoken.Add($"{items.Count} {title.ToLowerInvariant()}");
        }

        var speak = $"{heading}: {string.Join(", ", spoken)}.";
        var fallback = speak + " " + string.Join(" ", questions.Select(q => $"{q.Question.Reference}: {q.Question.QuestionText}"));
        return card.ToMessage(speak, fallback, heading);
    }

    public static string LongDate(DateOnly date) => UkFormat.LongDate(date);

    public static string ShortDate(DateOnly date) => UkFormat.Date(date);

    public static string DeadlineSentence(DeadlineOutcome deadline) => (deadline.Meeting, deadline.MissedMeeting) switch
    {
        ({ } meeting, null) =>
            $"It is for the {meeting.Committee} on {LongDate(meeting.Date)}, to be answered by {LongDate(deadline.AnswerBy)}.",
        ({ } meeting, { } missed) =>
            $"It is too late for the meeting on {LongDate(missed.Date)}, so it is for the next meeting on {LongDate(meeting.Date)}, to be answered by {LongDate(deadline.AnswerBy)}.",
        (null, { } missed) =>
            $"It is too late for the meeting on {LongDate(missed.Date)} and no later meeting is known, so it will be answered by {LongDate(deadline.AnswerBy)}.",
        (null, null) =>
            $"No meeting is known, so it will be answered by {LongDate(deadline.AnswerBy)}.",
    };

    private static void AddQuestionDetails(CardDocument card, RoutedQuestion question)
    {
        card.Add(Text($"From {MemberLine(question)}", subtle: true));
        card.Add(Quote(Text(question.QuestionText)));
        if (MeasureContext.FromJson(question.ContextJson) is { } context)
        {
            card.Add(Text($"The member was looking at {context.Code} {context.Name} in the {context.Report}. {context.Summary()}."));
        }
        else if (question.Topic is { Length: > 0 } topic)
        {
            card.Add(Text($"Topic: {topic}"));
        }
    }

    /// <summary>Ends the text with a full stop unless it already ends with punctuation.</summary>
    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || ".?!".Contains(trimmed[^1], StringComparison.Ordinal) ? trimmed : trimmed + ".";
    }

    private static string MemberLine(RoutedQuestion question) => question.MemberName ?? "a member";

    private static string OfficerLine(RoutedQuestion question, Contact? officer) =>
        officer is null ? question.AssignedRole : $"{officer.Name}, {officer.Title}";

    private static string MeetingLine(RoutedQuestion question) => question.MeetingDate is { } date
        ? $"{question.Committee ?? "Committee"}, {LongDate(date)}"
        : "No meeting set: answered within the service level";

    private static string AnsweredLine(RoutedQuestion question, Contact? officer = null)
    {
        var who = question.AnsweredByName ?? officer?.Name ?? "the officer";
        return question.AnsweredAt is { } at
            ? $"Answered by {who} on {LongDate(DeadlineCalculator.UkDate(at))} at {UkFormat.Time(at)}"
            : $"Answered by {who}";
    }

    /// <summary>Quoted words (a question, an answer, the measure): set apart in an emphasis box.</summary>
    private static CardObject Quote(params CardObject[] items) => Container(items, style: "emphasis");

    private static IEnumerable<(string Title, string Value)> Choices(IEnumerable<Contact> officers) =>
        officers.Select(c => ($"{c.Name}, {c.Title}", c.Role));

    private static CardObject ReasonField(string id, string label) =>
        TextInput(id, label, maxLength: 2000, multiline: true, requiredMessage: "Please give a reason.");

    // Action.Execute sits in an ActionSet (older Teams clients ignore fallback elsewhere) and falls back to
    // an Action.Submit whose data also names the verb, so the bot can handle either.
    private static CardObject ExecuteSet(string title, string verb, string reference) =>
        ActionSet(
        [
            Execute(title, verb, new CardObject { ["reference"] = reference },
                fallback: Submit(title, new CardObject { ["reference"] = reference, [CardData.Key] = verb })),
        ]);
}
