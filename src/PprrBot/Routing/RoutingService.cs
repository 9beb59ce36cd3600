using System.Globalization;
using System.Text.Json;
using PprrBot.Data.Contacts;
using PprrBot.Data.Outbox;
using PprrBot.Data.ReadModel;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;

namespace PprrBot.Routing;

/// <summary>
/// Routing flows: prepare (confirmation card), send (save, then acknowledge), answer, reassign, extend, and the
/// list views. Every change is saved with its history events and outbox messages in one store call, so an
/// outage or crash delays a notification but never loses it.
/// </summary>
internal sealed partial class RoutingService(
    PprrSnapshotStore snapshots,
    IRoutingStore store,
    DeadlineCalculator deadlines,
    RoutingAccess access,
    WorkingDayCalendar calendar,
    TimeProvider time,
    ILogger<RoutingService> logger) : ICardActionHandler
{
    private const int MaxQuestionLength = 4000;
    private const int MaxAnswerLength = 8000;
    private const int EarlierAnswersShown = 3;

    /// <summary>Handles a routing card submit (<c>{"pprr": "route.*"}</c>); null when the message is not one.</summary>
    public async ValueTask<BotMessage?> TryHandleSubmitAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.Value is not { ValueKind: JsonValueKind.Object } value || Str(value, "pprr") is not { } verb)
        {
            return null;
        }

        switch (verb)
        {
            case RoutingCards.StartVerb:
                return await PrepareAsync(message.From, new RouteStart(Str(value, "question") ?? "", Str(value, "code"), Str(value, "period"), OfficerRole: Str(value, "role")), cancellationToken);
            case RoutingCards.SendVerb:
                return await SendAsync(message, cancellationToken);
            case RoutingCards.CancelVerb:
                return BotMessage.Plain(Str(value, "reason") == "answered"
                    ? "Good. Nothing was sent."
                    : "Cancelled. Nothing was sent.");
            case RoutingCards.AnswerVerb or RoutingCards.ReassignVerb or RoutingCards.ExtendVerb:
                // An older client used the Action.Submit fallback: same handling, the reply is a message.
                var outcome = await ExecuteAsync(new CardAction(verb, value, message.From, message.ConversationId, message.ReplyToId), cancellationToken);
                return outcome switch
                {
                    CardActionOutcome.ReplaceCard replace => replace.Card,
                    CardActionOutcome.Message m => BotMessage.Plain(m.Text),
                    CardActionOutcome.Error e => BotMessage.Plain(e.Text),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// A typed question that Conversation read as one to route ("ask the finance officer why ..."): the reading names
    /// the officer and the measure; the card pre-fills the question without the request words.
    /// </summary>
    public ValueTask<BotMessage> StartFromTextAsync(Sender member, string text, string? measureCode, string? officerRole, CancellationToken cancellationToken)
    {
        var start = RouteRequestText.TryParse(text) ?? new RouteStart(text.Trim());
        return PrepareAsync(member, start with { MeasureCode = measureCode, OfficerRole = officerRole }, cancellationToken);
    }

    /// <summary>"my questions", "questions for the 9 December meeting", "questions for the committee"; null when the text is none of these.</summary>
    public async ValueTask<BotMessage?> TryListFromTextAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        switch (RouteRequestText.TryParseList(message.Text))
        {
            case (QuestionListRequest.Mine, _, _):
                return await MyQuestionsAsync(message.From, cancellationToken);
            case (QuestionListRequest.Committee, _, _):
                return await CommitteeQuestionsAsync(message.From, cancellationToken);
            case (QuestionListRequest.Meeting, var day, var month):
                // The meeting on that day and month nearest to today: the coming one, else the latest past one.
                var today = deadlines.UkToday();
                var meetings = snapshots.Current.Meetings.Where(m => m.Date.Day == day && m.Date.Month == month).ToList();
                var meeting = meetings.Where(m => m.Date >= today).MinBy(m => m.Date) ?? meetings.MaxBy(m => m.Date);
                return meeting is null
                    ? BotMessage.Plain($"I don't know of a meeting on {day} {Cards.UkFormat.Culture.DateTimeFormat.GetMonthName(month)}.")
                    : await MeetingQuestionsAsync(message.From, meeting.Date, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>The confirmation card: question, context, officer (changeable), meeting and date, earlier answers first.</summary>
    public async ValueTask<BotMessage> PrepareAsync(Sender member, RouteStart start, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        MeasureContext? context = null;
        string? ownerRole = null;
        if (start.MeasureCode is { } code)
        {
            if (snapshot.Measure(code) is not { } measure)
            {
                return BotMessage.Plain($"I can't find a measure with the code {code}, so I can't send a question about it.");
            }

            context = MeasureContext.From(measure, start.Period);
            ownerRole = measure.Measure.OwnerRole;
        }

        var officer = OfficerChooser.Choose(snapshot, ownerRole, $"{start.OfficerHint} {start.QuestionText}", start.OfficerRole);
        var topic = start.Topic ?? officer.Topic;
        var deadline = deadlines.Calculate(snapshot.Meetings, committee: null, report: context?.Report);
        // Answers are shared with every member: they go to the committee anyway, and offering them first saves officers' time.
        var earlier = await store.ListAnsweredAsync(context?.Code, context is null ? topic : null, EarlierAnswersShown, cancellationToken);
        return RoutingCards.Confirmation(new RouteDraft(start.QuestionText, context, topic, officer, deadline, earlier));
    }

    /// <summary>
    /// Sends a confirmed question: saves it (with history and outbox messages) before acknowledging. A redelivered
    /// or double-clicked submit finds the saved question by its source key and gets the same acknowledgement.
    /// </summary>
    public async ValueTask<BotMessage> SendAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.From.AadObjectId is not { Length: > 0 } memberId)
        {
            return BotMessage.Plain("I can't tell who you are in Teams, so I can't send a question for you.");
        }

        // The confirmation card's id (ReplyToId) makes a double click the same question; a redelivery has the same ids too.
        var sourceKey = $"{message.ConversationId}:{message.ReplyToId ?? message.ActivityId}";
        if (await store.FindBySourceKeyAsync(sourceKey, cancellationToken) is { } existing)
        {
            RoutingLog.DuplicateSend(logger, existing.Id);
            return RoutingCards.Acknowledgement(existing, snapshots.Current.ContactForRole(existing.AssignedRole));
        }

        var value = message.Value!.Value;
        var text = Str(value, RoutingCards.QuestionInput)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return BotMessage.Plain("The question was empty, so nothing was sent. Please write your question and press Send again.");
        }

        if (text.Length > MaxQuestionLength)
        {
            return BotMessage.Plain($"The question is longer than {MaxQuestionLength:N0} characters, so nothing was sent. Please shorten it.");
        }

        var snapshot = snapshots.Current;
        var role = Str(value, RoutingCards.OfficerInput);
        var officer = OfficerChooser.Candidates(snapshot).FirstOrDefault(c => role is not null && SameRole(c.Role, role));
        if (officer is null)
        {
            return BotMessage.Plain("I don't know the officer chosen on the card, so nothing was sent. Please pick an officer from the list.");
        }

        MeasureContext? context = null;
        if (Str(value, "code") is { } code)
        {
            if (snapshot.Measure(code) is not { } measure)
            {
                return BotMessage.Plain($"I can't find a measure with the code {code}, so nothing was sent.");
            }

            context = MeasureContext.From(measure, Str(value, "period"));
        }

        var now = time.GetUtcNow();
        var deadline = deadlines.Calculate(snapshot.Meetings, committee: null, report: context?.Report);
        var question = new RoutedQuestion
        {
            Reference = "",
            SourceKey = sourceKey,
            MemberAadObjectId = memberId,
            MemberChannelUserId = message.From.ChannelUserId,
            MemberName = message.From.Name,
            TenantId = message.From.TenantId,
            MemberConversationId = message.ConversationId,
            QuestionText = text,
            MeasureCode = context?.Code,
            Topic = Str(value, "topic"),
            ContextJson = context?.ToJson(),
            AssignedRole = officer.Role,
            Committee = deadline.Meeting?.Committee ?? deadline.MissedMeeting?.Committee,
            MeetingDate = deadline.Meeting?.Date,
            MissedMeetingDate = deadline.MissedMeeting?.Date,
            AnswerBy = deadline.AnswerBy,
            Status = RoutedQuestionStatus.Open,
            CreatedAt = now,
        };
        question.History.Add(Event(now, RoutedQuestionEventKind.Asked, memberId, deadline.MissedMeeting is { } missed
            ? $"Too late for the meeting on {missed.Date:yyyy-MM-dd}; dated for {(deadline.Meeting?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "the service level")}"
            : null));
        question.History.Add(Event(now, RoutedQuestionEventKind.Acknowledged, "system", null));

        var (saved, created) = await store.AddAsync(question, q => OutboxForNewQuestion(q, officer, now), cancellationToken);
        if (created)
        {
            RoutingLog.QuestionRouted(logger, saved.Id, saved.Reference, saved.MeasureCode);
        }
        else
        {
            RoutingLog.DuplicateSend(logger, saved.Id);
        }

        return RoutingCards.Acknowledgement(saved, snapshot.ContactForRole(saved.AssignedRole));
    }

    public bool Handles(string verb) => verb is RoutingCards.AnswerVerb or RoutingCards.ReassignVerb or RoutingCards.ExtendVerb;

    /// <summary>Answer, reassign or extend from the officer's card. Refused, with nothing changed, unless the assigned officer or Democratic Services.</summary>
    public async ValueTask<CardActionOutcome> ExecuteAsync(CardAction action, CancellationToken cancellationToken)
    {
        if (action.Data.ValueKind != JsonValueKind.Object || Str(action.Data, "reference") is not { } reference)
        {
            return new CardActionOutcome.Error(400, "BadRequest", "The card did not say which question it is about.");
        }

        if (await store.FindByReferenceAsync(reference, cancellationToken) is not { } question)
        {
            return new CardActionOutcome.Error(404, "NotFound", $"There is no question {reference}.");
        }

        if (!access.MayAct(action.From, question))
        {
            RoutingLog.Refused(logger, question.Id, action.Verb);
            var officer = snapshots.Current.ContactForRole(question.AssignedRole);
            return new CardActionOutcome.Error(403, "Forbidden",
                $"Only {officer?.Name ?? "the officer"} (the officer question {question.Reference} is assigned to) or Democratic Services can do that. Nothing was changed.");
        }

        if (question.Status != RoutedQuestionStatus.Open)
        {
            return new CardActionOutcome.Message(question.Status == RoutedQuestionStatus.Answered
                ? $"Question {question.Reference} was already answered by {question.AnsweredByName ?? "an officer"}. Nothing was changed."
                : $"Question {question.Reference} is closed. Nothing was changed.");
        }

        try
        {
            return action.Verb switch
            {
                RoutingCards.AnswerVerb => await AnswerAsync(question, action, cancellationToken),
                RoutingCards.ReassignVerb => await ReassignAsync(question, action, cancellationToken),
                RoutingCards.ExtendVerb => await ExtendAsync(question, action, cancellationToken),
                _ => new CardActionOutcome.Error(400, "NotSupported", "That action is not one I know."),
            };
        }
        catch (RoutingConcurrencyException)
        {
            return new CardActionOutcome.Message($"Someone changed question {question.Reference} at the same moment. Nothing was changed; please look at the latest card and try again.");
        }
    }

    /// <summary>The member's own questions, and nobody else's.</summary>
    public async ValueTask<BotMessage> MyQuestionsAsync(Sender member, CancellationToken cancellationToken)
    {
        if (member.AadObjectId is not { Length: > 0 } id)
        {
            return BotMessage.Plain("I can't tell who you are in Teams, so I can't list your questions.");
        }

        var questions = await store.ListByMemberAsync(id, cancellationToken);
        return RoutingCards.QuestionList("My questions", View(questions));
    }

    /// <summary>Questions for one meeting: Democratic Services see all; a chair sees their committee's; others are refused.</summary>
    public async ValueTask<BotMessage> MeetingQuestionsAsync(Sender sender, DateOnly meetingDate, CancellationToken cancellationToken)
    {
        var heading = $"Questions for the {meetingDate.ToString("d MMMM", Cards.UkFormat.Culture)} meeting";
        if (access.IsDemocraticServices(sender))
        {
            return RoutingCards.QuestionList(heading, View(await store.ListByMeetingAsync(null, meetingDate, cancellationToken)));
        }

        var chaired = access.CommitteesChairedBy(sender);
        if (chaired.Count > 0)
        {
            var all = await store.ListByMeetingAsync(null, meetingDate, cancellationToken);
            return RoutingCards.QuestionList(heading, View(all.Where(q => chaired.Contains(q.Committee ?? "", StringComparer.OrdinalIgnoreCase)).ToList()));
        }

        return BotMessage.Plain("Only Democratic Services and the committee's chair can see all the questions for a meeting. You can see your own with \"my questions\".");
    }

    /// <summary>A chair's view: every question for the committees they chair, open, overdue and answered.</summary>
    public async ValueTask<BotMessage> CommitteeQuestionsAsync(Sender sender, CancellationToken cancellationToken)
    {
        var chaired = access.CommitteesChairedBy(sender);
        if (chaired.Count == 0)
        {
            return BotMessage.Plain("Only a committee's chair can see all its questions. You can see your own with \"my questions\".");
        }

        var questions = new List<RoutedQuestion>();
        foreach (var committee in chaired)
        {
            questions.AddRange(await store.ListByCommitteeAsync(committee, cancellationToken));
        }

        return RoutingCards.QuestionList(chaired.Count == 1 ? $"Questions for the {chaired[0]}" : "Questions for your committees", View(questions));
    }

    private async Task<CardActionOutcome> AnswerAsync(RoutedQuestion question, CardAction action, CancellationToken cancellationToken)
    {
        var answer = Str(action.Data, RoutingCards.AnswerInput)?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return new CardActionOutcome.Error(400, "BadRequest", "The answer was empty. Nothing was sent.");
        }

        if (answer.Length > MaxAnswerLength)
        {
            return new CardActionOutcome.Error(400, "BadRequest", $"The answer is longer than {MaxAnswerLength:N0} characters. Nothing was sent.");
        }

        var now = time.GetUtcNow();
        var actor = ActorId(action.From);
        question.Status = RoutedQuestionStatus.Answered;
        question.AnswerText = answer;
        question.AnsweredAt = now;
        question.AnsweredByName = action.From.Name;
        question.AnsweredByAadObjectId = action.From.AadObjectId;
        question.History.Add(Event(now, RoutedQuestionEventKind.Answered, actor, access.IsOfficerFor(action.From, question.AssignedRole) ? null : "by Democratic Services"));

        var officer = snapshots.Current.ContactForRole(question.AssignedRole);
        var answered = RoutingCards.OfficerAnswered(question);
        var memberCard = RoutingCards.MemberAnswer(question, officer);
        var outbox = new List<OutboxMessage>
        {
            Notification(RoutingNotificationPurposes.MemberAnswer, memberCard, conversationId: question.MemberConversationId, tenantId: question.TenantId)
                .ToOutbox(RoutingNotificationKinds.TeamsConversation, $"{question.Reference}:member-answer", now),
            DemocraticServicesCopy(question, officer, $"Question {question.Reference} answered", $"{question.AnsweredByName ?? "The officer"} has answered it.", now, "answer"),
        };

        outbox.AddRange(CardUpdates(question, action, answered, "answered", now));

        await store.SaveAsync(question, outbox, cancellationToken);
        RoutingLog.Answered(logger, question.Id);
        return new CardActionOutcome.ReplaceCard(answered);
    }

    private async Task<CardActionOutcome> ReassignAsync(RoutedQuestion question, CardAction action, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.Current;
        var role = Str(action.Data, RoutingCards.OfficerInput);
        var reason = Reason(action.Data, RoutingCards.ReassignReasonInput);
        var to = OfficerChooser.Candidates(snapshot).FirstOrDefault(c => role is not null && SameRole(c.Role, role));
        if (to is null)
        {
            return new CardActionOutcome.Error(400, "BadRequest", "Please choose an officer from the list. Nothing was changed.");
        }

        if (SameRole(to.Role, question.AssignedRole))
        {
            return new CardActionOutcome.Error(400, "BadRequest", $"Question {question.Reference} is already with {to.Name}. Nothing was changed.");
        }

        if (string.IsNullOrEmpty(reason))
        {
            return new CardActionOutcome.Error(400, "BadRequest", "Please give a reason for reassigning. Nothing was changed.");
        }

        var now = time.GetUtcNow();
        var from = question.AssignedRole;
        var assignment = question.History.Count(e => e.Kind == RoutedQuestionEventKind.Reassigned) + 2;
        question.AssignedRole = to.Role;
        question.ReminderSentAt = null;
        question.History.Add(Event(now, RoutedQuestionEventKind.Reassigned, ActorId(action.From), $"From {from} to {to.Role}: {reason}"));

        var movedCard = RoutingCards.Notice($"Question {question.Reference} reassigned", $"It has gone to {to.Name}, {to.Title}. Reason: {reason}", question, to);
        var outbox = new List<OutboxMessage>
        {
            OfficerCard(question, to, $"{question.Reference}:officer-card:{assignment}", now, banner: $"Reassigned to you. Reason: {reason}"),
            DemocraticServicesCopy(question, to, $"Question {question.Reference} reassigned", $"From {from} to {to.Name}, {to.Title}. Reason: {reason}", now, $"reassign:{assignment}"),
        };
        outbox.AddRange(CardUpdates(question, action, movedCard, $"reassigned:{assignment}", now));

        await store.SaveAsync(question, outbox, cancellationToken);
        RoutingLog.Reassigned(logger, question.Id);
        return new CardActionOutcome.ReplaceCard(movedCard);
    }

    private async Task<CardActionOutcome> ExtendAsync(RoutedQuestion question, CardAction action, CancellationToken cancellationToken)
    {
        var reason = Reason(action.Data, RoutingCards.ExtendReasonInput);
        if (!DateOnly.TryParseExact(Str(action.Data, RoutingCards.NewDateInput), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var newDate))
        {
            return new CardActionOutcome.Error(400, "BadRequest", "Please choose the new answer-by date. Nothing was changed.");
        }

        if (newDate <= question.AnswerBy)
        {
            return new CardActionOutcome.Error(400, "BadRequest", $"The new date must be after {RoutingCards.LongDate(question.AnswerBy)}. Nothing was changed.");
        }

        if (!calendar.IsWorkingDay(newDate))
        {
            return new CardActionOutcome.Error(400, "BadRequest", $"{RoutingCards.LongDate(newDate)} is not a working day. Nothing was changed.");
        }

        if (string.IsNullOrEmpty(reason))
        {
            return new CardActionOutcome.Error(400, "BadRequest", "Please give a reason for needing more time. Nothing was changed.");
        }

        var now = time.GetUtcNow();
        var old = question.AnswerBy;
        question.AnswerBy = newDate;
        question.ReminderSentAt = null;
        question.History.Add(Event(now, RoutedQuestionEventKind.Extended, ActorId(action.From),
            $"From {old:yyyy-MM-dd} to {newDate:yyyy-MM-dd}: {reason}"));

        var officer = snapshots.Current.ContactForRole(question.AssignedRole);
        var afterMeeting = question.MeetingDate is { } meeting && newDate >= meeting
            ? $" This is after the meeting on {RoutingCards.LongDate(meeting)}."
            : "";
        var text = $"{officer?.Name ?? "The officer"} needs more time: the answer is now due by {RoutingCards.LongDate(newDate)}.{afterMeeting} Reason: {reason}";
        var memberNote = RoutingCards.Notice($"More time needed for {question.Reference}", text, question, officer);
        var outbox = new List<OutboxMessage>
        {
            Notification(RoutingNotificationPurposes.MemberNote, memberNote, conversationId: question.MemberConversationId, tenantId: question.TenantId)
                .ToOutbox(RoutingNotificationKinds.TeamsConversation, $"{question.Reference}:extended:{newDate:yyyy-MM-dd}:member", now),
            DemocraticServicesCopy(question, officer, $"More time needed for {question.Reference}", text, now, $"extended:{newDate:yyyy-MM-dd}"),
        };

        await store.SaveAsync(question, outbox, cancellationToken);
        RoutingLog.Extended(logger, question.Id);
        var card = RoutingCards.OfficerRequest(question, OfficerChooser.Candidates(snapshots.Current), banner: $"Answer-by date moved to {RoutingCards.LongDate(newDate)}.");
        return new CardActionOutcome.ReplaceCard(card);
    }

    private List<OutboxMessage> OutboxForNewQuestion(RoutedQuestion question, Contact officer, DateTimeOffset now) =>
    [
        OfficerCard(question, officer, $"{question.Reference}:officer-card:1", now, banner: null),
        DemocraticServicesCopy(question, officer, $"Copy: question {question.Reference}",
            $"A question from {question.MemberName ?? "a member"} has gone to {officer.Name}, {officer.Title}.", now, "asked"),
    ];

    /// <summary>The officer's card in a 1:1 chat, or by e-mail when the officer has no Teams id.</summary>
    internal OutboxMessage OfficerCard(RoutedQuestion question, Contact officer, string dedupeKey, DateTimeOffset now, string? banner, string purpose = RoutingNotificationPurposes.OfficerCard)
    {
        var card = RoutingCards.OfficerRequest(question, OfficerChooser.Candidates(snapshots.Current), banner);
        var teamsId = access.TeamsIdFor(officer.Role);
        return Notification(purpose, card, toUserId: teamsId, tenantId: question.TenantId, email: officer.Email,
                subject: $"Question {question.Reference}: please answer by {RoutingCards.LongDate(question.AnswerBy)}")
            .ToOutbox(teamsId is null ? RoutingNotificationKinds.Email : RoutingNotificationKinds.TeamsPersonal, dedupeKey, now);
    }

    internal OutboxMessage DemocraticServicesCopy(RoutedQuestion question, Contact? officer, string heading, string text, DateTimeOffset now, string step)
    {
        var ds = snapshots.Current.ContactForRole(Contact.DemocraticServicesRole);
        var teamsId = access.DemocraticServicesTeamsId();
        var card = RoutingCards.Notice(heading, text, question, officer);
        return Notification(RoutingNotificationPurposes.DemocraticServicesCopy, card, toUserId: teamsId, tenantId: question.TenantId, email: ds?.Email, subject: heading)
            .ToOutbox(teamsId is null ? RoutingNotificationKinds.Email : RoutingNotificationKinds.TeamsPersonal, $"{question.Reference}:ds:{step}", now);
    }

    internal static RoutingNotification Notification(
        string purpose,
        BotMessage message,
        string? toUserId = null,
        string? tenantId = null,
        string? conversationId = null,
        string? activityId = null,
        string? email = null,
        string? subject = null) => new()
        {
            Purpose = purpose,
            ToUserId = toUserId,
            TenantId = tenantId,
            ConversationId = conversationId,
            ActivityId = activityId,
            Card = RoutingNotification.CardOf(message),
            Summary = message.Summary ?? message.Text,
            Email = email,
            EmailSubject = subject ?? message.Summary,
            EmailBody = message.FallbackText ?? message.Text,
        };

    internal static RoutedQuestionEvent Event(DateTimeOffset at, RoutedQuestionEventKind kind, string actorId, string? detail) =>
        new() { At = at, Kind = kind, ActorId = actorId, Detail = detail };

    /// <summary>The card as everyone sees it: the one pressed, and the stored officer card if that is a different one.</summary>
    private static IEnumerable<OutboxMessage> CardUpdates(RoutedQuestion question, CardAction action, BotMessage card, string step, DateTimeOffset now) =>
        CardLocations(question, action).Select(location =>
            Notification(RoutingNotificationPurposes.OfficerCardUpdate, card, conversationId: location.ConversationId, activityId: location.ActivityId)
                .ToOutbox(RoutingNotificationKinds.TeamsUpdate, $"{question.Reference}:card-{step}:{location.ActivityId}", now));

    private static IEnumerable<(string ConversationId, string ActivityId)> CardLocations(RoutedQuestion question, CardAction action)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (action.CardActivityId is { Length: > 0 } pressed && seen.Add(pressed))
        {
            yield return (action.ConversationId, pressed);
        }

        if (question.OfficerConversationId is { Length: > 0 } conversation && question.OfficerCardActivityId is { Length: > 0 } stored && seen.Add(stored))
        {
            yield return (conversation, stored);
        }
    }

    private List<QuestionCardView> View(IReadOnlyList<RoutedQuestion> questions)
    {
        var today = deadlines.UkToday();
        var snapshot = snapshots.Current;
        return questions
            .Where(q => q.Status != RoutedQuestionStatus.Withdrawn)
            .Select(q => new QuestionCardView(q, snapshot.ContactForRole(q.AssignedRole), q.Status == RoutedQuestionStatus.Open && q.AnswerBy < today))
            .ToList();
    }

    private static string ActorId(Sender sender) => sender.AadObjectId ?? sender.ChannelUserId;

    private static bool SameRole(string a, string b) =>
        string.Equals(PprrSnapshot.Normalise(a), PprrSnapshot.Normalise(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The reason typed on the card; cards sent before each box had its own id send it as <c>reason</c>.</summary>
    private static string? Reason(JsonElement data, string input) => (Str(data, input) ?? Str(data, RoutingCards.ReasonInput))?.Trim();

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String && property.GetString() is { Length: > 0 } s ? s : null;
}
