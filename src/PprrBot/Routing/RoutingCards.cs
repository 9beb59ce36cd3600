using PprrBot.Cards;
using System.Globalization;
using System.Text.Json.Nodes;
using PprrBot.Data.Contacts;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;

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
    public const string ReasonInput = "reason";
    public const string NewDateInput = "newDate";


    public static BotMessage Confirmation(RouteDraft draft)
    {
        var body = new JsonArray { Heading("Send a question to an officer") };
        var officer = draft.Officer.Officer;
        var answered = draft.EarlierAnswers;
        if (answered.Count > 0)
        {
            body.Add(Text(answered.Count == 1
                ? "This has been asked before. The earlier answer may help:"
                : $"Similar questions have been asked before. The {answered.Count} earlier answers may help:", weight: "Bolder"));
            foreach (var earlier in answered)
            {
                body.Add(Quote(
                    Text($"{earlier.Reference}: {earlier.QuestionText}", weight: "Bolder"),
                    Text(earlier.AnswerText ?? ""),
                    Text(AnsweredLine(earlier), subtle: true)));
            }
        }

        if (draft.Context is { } context)
        {
            body.Add(Text("About", weight: "Bolder"));
            body.Add(Quote(Text($"{context.Code} {context.Name}"), Text(context.Summary())));
        }
        else if (draft.Topic is { Length: > 0 } topic)
        {
            body.Add(Text($"About: {topic}"));
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = QuestionInput,
            ["label"] = "Your question",
            ["isMultiline"] = true,
            ["isRequired"] = true,
            ["errorMessage"] = "Please write your question.",
            ["maxLength"] = 4000,
            ["placeholder"] = "Type your question for the officer",
            ["value"] = draft.QuestionText,
        });
        body.Add(Text($"Suggested officer: {officer.Name}, {officer.Title}. You can choose another below. Democratic Services is copied on every question.", weight: "Bolder"));
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = OfficerInput,
            ["label"] = "Send it to",
            ["style"] = "compact",
            ["isRequired"] = true,
            ["value"] = officer.Role,
            ["choices"] = new JsonArray(draft.Officer.Candidates
                .Select(c => (JsonNode)new JsonObject { ["title"] = $"{c.Name}, {c.Title}", ["value"] = c.Role })
                .ToArray()),
        });
        body.Add(Text(DeadlineSentence(draft.Deadline)));

        var sendData = new JsonObject { ["pprr"] = SendVerb };
        if (draft.Context is { } c2)
        {
            sendData["code"] = c2.Code;
            sendData["period"] = c2.Period;
        }

        if (draft.Topic is { Length: > 0 } t)
        {
            sendData["topic"] = t;
        }

        var actions = answered.Count > 0
            ? new JsonArray
            {
                Submit("That answers it", new JsonObject { ["pprr"] = CancelVerb, ["reason"] = "answered" }),
                Submit("Send anyway", sendData),
            }
            : new JsonArray
            {
                Submit("Send", sendData),
                Submit("Cancel", new JsonObject { ["pprr"] = CancelVerb }),
            };

        var speak = $"Your question will go to {officer.Name}, {officer.Title}. {DeadlineSentence(draft.Deadline)}";
        var fallback = $"Question for {officer.Name}, {officer.Title}: {Sentence(draft.QuestionText)} {DeadlineSentence(draft.Deadline)}";
        return BotMessage.ForCard(Card(body, speak, fallback, actions), $"Check your question for {officer.Name}");
    }

    public static BotMessage Acknowledgement(RoutedQuestion question, Contact? officer)
    {
        var who = OfficerLine(question, officer);
        var body = new JsonArray
        {
            Heading($"Question sent: {question.Reference}"),
            Text($"Your question has gone to {who}. Democratic Services has a copy."),
            Facts(
                ("Reference", question.Reference),
                ("Officer", who),
                ("Meeting", MeetingLine(question)),
                ("Answer by", LongDate(question.AnswerBy))),
            Quote(Text(question.QuestionText)),
        };
        var sentence = $"Question {question.Reference} has gone to {who}, to be answered by {LongDate(question.AnswerBy)}.";
        if (question.MissedMeetingDate is { } missed)
        {
            var late = $"It came too late for the meeting on {LongDate(missed)}, so it is dated for {(question.MeetingDate is { } next ? $"the meeting on {LongDate(next)}" : "the usual service level")}.";
            body.Insert(2, Text(late, color: "Attention"));
            sentence = $"{sentence} {late}";
        }

        return BotMessage.ForCard(Card(body, sentence, $"{sentence} Democratic Services has a copy."), $"Question {question.Reference} sent");
    }

    public static BotMessage OfficerRequest(RoutedQuestion question, IReadOnlyList<Contact> reassignTo, string? banner = null)
    {
        var body = new JsonArray();
        if (banner is not null)
        {
            body.Add(Text(banner, weight: "Bolder", color: "Attention"));
        }

        body.Add(Heading($"Question {question.Reference} for you"));
        AddQuestionDetails(body, question);
        body.Add(Facts(("Meeting", MeetingLine(question)), ("Answer by", LongDate(question.AnswerBy))));

        var data = new JsonObject { ["reference"] = question.Reference };
        body.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray
            {
                ShowCard("Answer",
                    new JsonObject
                    {
                        ["type"] = "Input.Text",
                        ["id"] = AnswerInput,
                        ["label"] = "Your answer",
                        ["isMultiline"] = true,
                        ["isRequired"] = true,
                        ["errorMessage"] = "Please write the answer.",
                        ["maxLength"] = 8000,
                    },
                    ExecuteSet("Send answer", AnswerVerb, data)),
                ShowCard("Reassign",
                    new JsonObject
                    {
                        ["type"] = "Input.ChoiceSet",
                        ["id"] = OfficerInput,
                        ["label"] = "Reassign to",
                        ["style"] = "compact",
                        ["isRequired"] = true,
                        ["errorMessage"] = "Please choose an officer.",
                        ["choices"] = new JsonArray(reassignTo
                            .Where(c => !string.Equals(c.Role, question.AssignedRole, StringComparison.Ordinal))
                            .Select(c => (JsonNode)new JsonObject { ["title"] = $"{c.Name}, {c.Title}", ["value"] = c.Role })
                            .ToArray()),
                    },
                    ReasonField("Why it should go to them"),
                    ExecuteSet("Reassign", ReassignVerb, data)),
                ShowCard("Need more time",
                    new JsonObject
                    {
                        ["type"] = "Input.Date",
                        ["id"] = NewDateInput,
                        ["label"] = "New answer-by date",
                        ["isRequired"] = true,
                        ["errorMessage"] = "Please choose a date.",
                        ["min"] = question.AnswerBy.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                    ReasonField("Why more time is needed"),
                    ExecuteSet("Ask for more time", ExtendVerb, data)),
            },
        });

        var speak = $"{banner} Question {question.Reference} from {MemberLine(question)}, to be answered by {LongDate(question.AnswerBy)}: {Sentence(question.QuestionText)}".TrimStart();
        return BotMessage.ForCard(Card(body, speak, speak), $"Question {question.Reference}: answer by {ShortDate(question.AnswerBy)}");
    }

    /// <summary>The officer card once answered: the answer, who and when, no inputs. Everyone who can see the card sees this.</summary>
    public static BotMessage OfficerAnswered(RoutedQuestion question)
    {
        var body = new JsonArray { Heading($"Question {question.Reference}: answered") };
        AddQuestionDetails(body, question);
        body.Add(Text("Answer", weight: "Bolder"));
        body.Add(Quote(Text(question.AnswerText ?? "")));
        body.Add(Text(AnsweredLine(question), subtle: true));
        var speak = $"Question {question.Reference} was {AnsweredLine(question)[0..1].ToLowerInvariant()}{AnsweredLine(question)[1..]}.";
        return BotMessage.ForCard(Card(body, speak, $"{speak} Answer: {question.AnswerText}"), $"Question {question.Reference} answered");
    }

    /// <summary>The answer as the member receives it.</summary>
    public static BotMessage MemberAnswer(RoutedQuestion question, Contact? officer)
    {
        var body = new JsonArray
        {
            Heading($"Answer to your question {question.Reference}"),
            Text("You asked", weight: "Bolder"),
            Quote(Text(question.QuestionText)),
            Text($"{question.AnsweredByName ?? officer?.Name ?? "The officer"} answered", weight: "Bolder"),
            Quote(Text(question.AnswerText ?? "")),
            Text(AnsweredLine(question, officer), subtle: true),
        };
        if (question.MeetingDate is { } meeting)
        {
            body.Add(Text($"For the meeting on {LongDate(meeting)}."));
        }

        var speak = $"{question.AnsweredByName ?? "The officer"} has answered your question {question.Reference}.";
        return BotMessage.ForCard(
            Card(body, speak, $"{speak} You asked: {Sentence(question.QuestionText)} Answer: {Sentence(question.AnswerText ?? "")}"),
            $"Answer to {question.Reference}");
    }

    /// <summary>A short notice: copies to Democratic Services, reassignments, extensions, escalations, notes to members.</summary>
    public static BotMessage Notice(string heading, string text, RoutedQuestion question, Contact? officer)
    {
        var body = new JsonArray
        {
            Heading(heading),
            Text(text),
            Facts(
                ("Reference", question.Reference),
                ("From", MemberLine(question)),
                ("Officer", OfficerLine(question, officer)),
                ("Meeting", MeetingLine(question)),
                ("Answer by", LongDate(question.AnswerBy))),
            Quote(Text(question.QuestionText)),
        };
        return BotMessage.ForCard(Card(body, $"{heading}. {Sentence(text)}", $"{heading}. {Sentence(text)} Question: {Sentence(question.QuestionText)}"), heading);
    }

    /// <summary>"My questions" and "Questions for the 9 December meeting": open, overdue and answered, each with reference, measure, officer and date.</summary>
    public static BotMessage QuestionList(string heading, IReadOnlyList<QuestionCardView> questions)
    {
        var body = new JsonArray { Heading(heading) };
        if (questions.Count == 0)
        {
            body.Add(Text("There are no questions yet."));
            return BotMessage.ForCard(Card(body, $"{heading}: none.", $"{heading}: none."), heading);
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
            body.Add(Text($"{title} ({items.Count})", weight: "Bolder", color: title == "Overdue" ? "Attention" : null));
            foreach (var item in items.OrderBy(i => i.Question.AnswerBy).ThenBy(i => i.Question.Reference, StringComparer.Ordinal))
            {
                var q = item.Question;
                var when = q.Status == RoutedQuestionStatus.Answered && q.AnsweredAt is { } at
                    ? $"answered {ShortDate(DeadlineCalculator.UkDate(at))}"
                    : $"answer by {ShortDate(q.AnswerBy)}";
                body.Add(new JsonObject
                {
                    ["type"] = "Container",
                    ["separator"] = true,
                    ["items"] = new JsonArray
                    {
                        Text($"{q.Reference} ({title.ToLowerInvariant()}): {q.MeasureCode ?? q.Topic ?? "general"}", weight: "Bolder"),
                        Text(q.QuestionText, maxLines: 3),
                        Text($"{item.Officer?.Name ?? q.AssignedRole}, {when}", subtle: true),
                    },
                });
            }

            spoken.Add($"{items.Count} {title.ToLowerInvariant()}");
        }

        var speak = $"{heading}: {string.Join(", ", spoken)}.";
        var fallback = speak + " " + string.Join(" ", questions.Select(q => $"{q.Question.Reference}: {q.Question.QuestionText}"));
        return BotMessage.ForCard(Card(body, speak, fallback), heading);
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

    private static void AddQuestionDetails(JsonArray body, RoutedQuestion question)
    {
        body.Add(Text($"From {MemberLine(question)}", subtle: true));
        body.Add(Quote(Text(question.QuestionText)));
        if (MeasureContext.FromJson(question.ContextJson) is { } context)
        {
            body.Add(Text($"The member was looking at {context.Code} {context.Name} in the {context.Report}. {context.Summary()}."));
        }
        else if (question.Topic is { Length: > 0 } topic)
        {
            body.Add(Text($"Topic: {topic}"));
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

    private static JsonObject Card(JsonArray body, string speak, string fallbackText, JsonArray? actions = null)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["speak"] = speak,
            ["fallbackText"] = fallbackText,
            ["body"] = body,
        };
        if (actions is not null)
        {
            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Heading(string text) => Text(text, weight: "Bolder", size: "Medium");

    private static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false, string? color = null, int? maxLines = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (maxLines is not null)
        {
            block["maxLines"] = maxLines;
        }

        return block;
    }

    private static JsonObject Quote(params JsonNode[] items) => new()
    {
        ["type"] = "Container",
        ["style"] = "emphasis",
        ["items"] = new JsonArray(items),
    };

    private static JsonObject Facts(params (string Title, string Value)[] facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    private static JsonObject Submit(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };

    private static JsonObject ReasonField(string label) => new()
    {
        ["type"] = "Input.Text",
        ["id"] = ReasonInput,
        ["label"] = label,
        ["isMultiline"] = true,
        ["isRequired"] = true,
        ["errorMessage"] = "Please give a reason.",
        ["maxLength"] = 2000,
    };

    private static JsonObject ShowCard(string title, params JsonNode[] body) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = title,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(body),
        },
    };

    // Action.Execute sits in an ActionSet (older Teams clients ignore fallback elsewhere) and falls back to
    // an Action.Submit object whose data names the verb, so the bot can handle either.
    private static JsonObject ExecuteSet(string title, string verb, JsonObject data)
    {
        var submitData = data.DeepClone().AsObject();
        submitData["pprr"] = verb;
        return new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = title,
                    ["verb"] = verb,
                    ["data"] = data.DeepClone(),
                    ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = submitData },
                },
            },
        };
    }
}
