using System.Text.Json.Nodes;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class RoutingServiceTests
{
    private const string Performance = "Strategy and Performance Manager";
    private const string ChildrenFinance = "CSS Manager (Specialist) Finance – Children's Social Care";

    // Friday 20 November 2020, 10:00 UK time: in time for the 9 December meeting.
    private static readonly DateTimeOffset Friday20November = new(2020, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CardText(BotMessage message) => message.Card!.ToJsonString();

    private static async Task<(RoutingTestBed Bed, RoutedQuestion Question)> AskedAsync(string officerRole = Performance)
    {
        var bed = new RoutingTestBed(Friday20November);
        await bed.Service.SendAsync(bed.SendPress("Why did second-time child protection plans rise?", officerRole, "CFE21", "2019/20"), Ct);
        var question = await bed.Store.FindByReferenceAsync("PQ-0001", Ct);
        return (bed, question!);
    }

    [Fact]
    public async Task SendSavesTheQuestionAndAcknowledgesWithReferenceOfficerMeetingAndDate()
    {
        var bed = new RoutingTestBed(Friday20November);

        var ack = await bed.Service.SendAsync(bed.SendPress("Why did second-time child protection plans rise?", Performance, "CFE21", "2019/20"), Ct);

        var saved = await bed.Store.FindByReferenceAsync("PQ-0001", Ct);
        Assert.NotNull(saved);
        Assert.Equal(new DateOnly(2020, 12, 3), saved.AnswerBy);
        Assert.Equal(new DateOnly(2020, 12, 9), saved.MeetingDate);
        var text = CardText(ack);
        Assert.Contains("PQ-0001", text, StringComparison.Ordinal);
        Assert.Contains("Gaynor Ward, Strategy and Performance Manager", text, StringComparison.Ordinal);
        Assert.Contains("Wednesday 9 December 2020", text, StringComparison.Ordinal);
        Assert.Contains("Thursday 3 December 2020", text, StringComparison.Ordinal);
        Assert.Contains("Democratic Services has a copy", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendQueuesTheOfficerCardAndTheCopyToDemocraticServices()
    {
        var (bed, question) = await AskedAsync();

        var outbox = bed.Store.Outbox;

        Assert.Equal(2, outbox.Count);
        var officer = RoutingNotification.Parse(outbox.Single(m => m.DedupeKey == "PQ-0001:officer-card:1").PayloadJson);
        Assert.Equal(RoutingTestBed.PerformanceOfficerId, officer.ToUserId);
        Assert.Equal("gaynor.ward@stockport.gov.uk", officer.Email);
        Assert.Contains("21.4%", CardText(officer.ToBotMessage()), StringComparison.Ordinal);
        var copy = RoutingNotification.Parse(outbox.Single(m => m.DedupeKey == "PQ-0001:ds:asked").PayloadJson);
        Assert.Equal(RoutingTestBed.DemocraticServicesId, copy.ToUserId);
        Assert.All(outbox, m => Assert.Equal(question.Id, m.RoutedQuestionId));
    }

    [Fact]
    public async Task OfficerWithNoTeamsIdIsSentTheQuestionByEmail()
    {
        var bed = new RoutingTestBed(Friday20November);
        bed.Options.Officers.Clear();

        await bed.Service.SendAsync(bed.SendPress("What is driving the placements overspend?", ChildrenFinance), Ct);

        var officerCard = bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:officer-card:1");
        Assert.Equal(RoutingNotificationKinds.Email, officerCard.Kind);
        Assert.Equal("gill.dixon@stockport.gov.uk", RoutingNotification.Parse(officerCard.PayloadJson).Email);
    }

    [Fact]
    public async Task RedeliveredSendCreatesOneQuestion()
    {
        var bed = new RoutingTestBed(Friday20November);
        var press = bed.SendPress("Why did it rise?", Performance, "CFE21");

        var first = await bed.Service.SendAsync(press, Ct);
        var again = await bed.Service.SendAsync(press, Ct);

        Assert.Single(await bed.Store.ListByMemberAsync(RoutingTestBed.MemberId, Ct));
        Assert.Equal(2, bed.Store.Outbox.Count);
        Assert.Equal(CardText(first), CardText(again));
    }

    [Fact]
    public async Task DoubleClickOnOneConfirmationCardCreatesOneQuestion()
    {
        var bed = new RoutingTestBed(Friday20November);

        await bed.Service.SendAsync(bed.SendPress("Why did it rise?", Performance, cardId: "confirm-1"), Ct);
        await bed.Service.SendAsync(bed.SendPress("Why did it rise?", Performance, cardId: "confirm-1"), Ct);

        Assert.Single(await bed.Store.ListByMemberAsync(RoutingTestBed.MemberId, Ct));
    }

    [Fact]
    public async Task EachQuestionGetsItsOwnReference()
    {
        var bed = new RoutingTestBed(Friday20November);

        await bed.Service.SendAsync(bed.SendPress("First?", Performance), Ct);
        await bed.Service.SendAsync(bed.SendPress("Second?", Performance), Ct);

        var references = (await bed.Store.ListByMemberAsync(RoutingTestBed.MemberId, Ct)).Select(q => q.Reference).Order();
        Assert.Equal(["PQ-0001", "PQ-0002"], references);
    }

    [Fact]
    public async Task EmptyQuestionIsNotSent()
    {
        var bed = new RoutingTestBed(Friday20November);

        var reply = await bed.Service.SendAsync(bed.SendPress("  ", Performance), Ct);

        Assert.Contains("empty", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await bed.Store.ListByMemberAsync(RoutingTestBed.MemberId, Ct));
    }

    [Fact]
    public async Task LateQuestionIsAcknowledgedForTheNextMeeting()
    {
        var bed = new RoutingTestBed(new DateTimeOffset(2020, 12, 4, 10, 0, 0, TimeSpan.Zero));

        var ack = await bed.Service.SendAsync(bed.SendPress("Why did it rise?", Performance, "CFE21"), Ct);

        var text = CardText(ack);
        Assert.Contains("Wednesday 10 March 2021", text, StringComparison.Ordinal);
        Assert.Contains("Thursday 4 March 2021", text, StringComparison.Ordinal);
        var history = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.History;
        Assert.Contains("Too late for the meeting on 2020-12-09", history[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationShowsEarlierAnswersOnTheSameMeasureFirst()
    {
        var (bed, _) = await AskedAsync();
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward"), ("answer", "More re-referrals after a review.")), Ct);

        var confirmation = await bed.Service.PrepareAsync(RoutingTestBed.Person(RoutingTestBed.OtherMemberId), new RouteStart("", "CFE21", "2019/20"), Ct);

        var actions = confirmation.Card!["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>());
        Assert.Equal(["That answers it", "Send anyway"], actions);
        Assert.Contains("More re-referrals after a review.", CardText(confirmation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AssignedOfficerAnswerNotifiesTheMemberAndUpdatesTheCardForEveryone()
    {
        var (bed, _) = await AskedAsync();
        bed.Time.Advance(TimeSpan.FromDays(3));
        var gaynor = RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward");

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gaynor, ("answer", "A review found more re-referrals.")), Ct);

        var replaced = Assert.IsType<CardActionOutcome.ReplaceCard>(outcome);
        Assert.Contains("Answered by Gaynor Ward on Monday 23 November 2020 at 10:00", CardText(replaced.Card), StringComparison.Ordinal);
        var saved = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Equal(RoutedQuestionStatus.Answered, saved.Status);
        var member = RoutingNotification.Parse(bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:member-answer").PayloadJson);
        Assert.Equal($"a:conversation-{RoutingTestBed.MemberId}", member.ConversationId);
        Assert.Contains("A review found more re-referrals.", CardText(member.ToBotMessage()), StringComparison.Ordinal);
        var update = bed.Store.Outbox.Single(m => m.Kind == RoutingNotificationKinds.TeamsUpdate);
        Assert.Equal("officer-card-1", RoutingNotification.Parse(update.PayloadJson).ActivityId);
    }

    [Fact]
    public async Task AnswerFromAnotherOfficerIsRefusedAndNothingChanges()
    {
        var (bed, before) = await AskedAsync();
        var gill = RoutingTestBed.Person(RoutingTestBed.ChildrenFinanceOfficerId, "Gill Dixon");

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gill, ("answer", "Not mine to answer.")), Ct);

        var error = Assert.IsType<CardActionOutcome.Error>(outcome);
        Assert.Equal(403, error.StatusCode);
        Assert.Contains("Only Gaynor Ward", error.Text, StringComparison.Ordinal);
        var after = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Equal(RoutedQuestionStatus.Open, after.Status);
        Assert.Null(after.AnswerText);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Equal(2, bed.Store.Outbox.Count);
    }

    [Fact]
    public async Task TheAskingMemberCannotAnswerTheirOwnQuestion()
    {
        var (bed, _) = await AskedAsync();

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ExtendVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.MemberId), ("newDate", "2020-12-08"), ("reason", "x")), Ct);

        Assert.Equal(403, Assert.IsType<CardActionOutcome.Error>(outcome).StatusCode);
        Assert.Equal(new DateOnly(2020, 12, 3), (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.AnswerBy);
    }

    [Fact]
    public async Task OfficerMatchedByTeamsIdInTheContactsMayAnswer()
    {
        var (bed, _) = await AskedAsync();
        bed.Options.Officers.Clear();
        bed.Snapshot.ContactForRole(Performance)!.TeamsUserId = "29:gaynor-teams";

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", new Sender("29:gaynor-teams", null, "Gaynor Ward", "tenant-1"), ("answer", "Done.")), Ct);

        Assert.IsType<CardActionOutcome.ReplaceCard>(outcome);
    }

    [Fact]
    public async Task DemocraticServicesMayReassignWithAReasonAndTheNewOfficerGetsTheCard()
    {
        var (bed, _) = await AskedAsync();
        var ds = RoutingTestBed.Person(RoutingTestBed.DemocraticServicesId, "Democratic Services");

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ReassignVerb, "PQ-0001", ds, ("officerRole", ChildrenFinance), ("reason", "It is about placement costs.")), Ct);

        Assert.IsType<CardActionOutcome.ReplaceCard>(outcome);
        var saved = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Equal(ChildrenFinance, saved.AssignedRole);
        var reassigned = saved.History.Single(e => e.Kind == RoutedQuestionEventKind.Reassigned);
        Assert.Equal(RoutingTestBed.DemocraticServicesId, reassigned.ActorId);
        Assert.Contains("It is about placement costs.", reassigned.Detail, StringComparison.Ordinal);
        var card = RoutingNotification.Parse(bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:officer-card:2").PayloadJson);
        Assert.Equal(RoutingTestBed.ChildrenFinanceOfficerId, card.ToUserId);
    }

    [Fact]
    public async Task ReassignWithoutAReasonIsRefused()
    {
        var (bed, _) = await AskedAsync();

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ReassignVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId), ("officerRole", ChildrenFinance)), Ct);

        Assert.Equal(400, Assert.IsType<CardActionOutcome.Error>(outcome).StatusCode);
        Assert.Equal(Performance, (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.AssignedRole);
    }

    [Fact]
    public async Task OfficerMayAskForMoreTimeAndTheMemberIsTold()
    {
        var (bed, _) = await AskedAsync();
        var gaynor = RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward");

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ExtendVerb, "PQ-0001", gaynor, ("newDate", "2020-12-07"), ("reason", "Waiting for the audit.")), Ct);

        Assert.IsType<CardActionOutcome.ReplaceCard>(outcome);
        var saved = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        Assert.Equal(new DateOnly(2020, 12, 7), saved.AnswerBy);
        var note = bed.Store.Outbox.Single(m => m.DedupeKey == "PQ-0001:extended:2020-12-07:member");
        Assert.Contains("Monday 7 December 2020", note.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoreTimeToABankHolidayIsRefused()
    {
        var (bed, _) = await AskedAsync();

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ExtendVerb, "PQ-0001", RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId), ("newDate", "2020-12-28"), ("reason", "Holidays.")), Ct);

        var error = Assert.IsType<CardActionOutcome.Error>(outcome);
        Assert.Contains("Monday 28 December 2020 is not a working day", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsEveryStepWithWhoAndWhen()
    {
        var (bed, _) = await AskedAsync();
        var gaynor = RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward");
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.ExtendVerb, "PQ-0001", gaynor, ("newDate", "2020-12-07"), ("reason", "Audit.")), Ct);
        bed.Time.Advance(TimeSpan.FromHours(2));

        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gaynor, ("answer", "Here it is.")), Ct);

        var history = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.History;
        Assert.Equal(
            [RoutedQuestionEventKind.Asked, RoutedQuestionEventKind.Acknowledged, RoutedQuestionEventKind.Extended, RoutedQuestionEventKind.Answered],
            history.Select(e => e.Kind));
        Assert.Equal([RoutingTestBed.MemberId, "system", RoutingTestBed.PerformanceOfficerId, RoutingTestBed.PerformanceOfficerId], history.Select(e => e.ActorId));
        Assert.Equal(Friday20November.AddHours(2), history[^1].At);
    }

    [Fact]
    public async Task SecondAnswerIsNotAccepted()
    {
        var (bed, _) = await AskedAsync();
        var gaynor = RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward");
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gaynor, ("answer", "First.")), Ct);

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gaynor, ("answer", "Second.")), Ct);

        Assert.Contains("already answered", Assert.IsType<CardActionOutcome.Message>(outcome).Text, StringComparison.Ordinal);
        Assert.Equal("First.", (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.AnswerText);
    }

    [Fact]
    public async Task MembersSeeOnlyTheirOwnQuestions()
    {
        var (bed, _) = await AskedAsync();
        await bed.Service.SendAsync(bed.SendPress("Another member's question about placements", ChildrenFinance, member: RoutingTestBed.OtherMemberId), Ct);

        var mine = await bed.Service.MyQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.MemberId), Ct);

        var text = CardText(mine);
        Assert.Contains("PQ-0001", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PQ-0002", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MeetingListIsForDemocraticServicesAndTheChairOnly()
    {
        var (bed, _) = await AskedAsync();
        var meeting = new DateOnly(2020, 12, 9);

        var member = await bed.Service.MeetingQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.MemberId), meeting, Ct);
        var chair = await bed.Service.MeetingQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.ChairId), meeting, Ct);
        var ds = await bed.Service.MeetingQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.DemocraticServicesId), meeting, Ct);

        Assert.Null(member.Card);
        Assert.Contains("Questions for the 9 December meeting", CardText(chair), StringComparison.Ordinal);
        Assert.Contains("PQ-0001", CardText(chair), StringComparison.Ordinal);
        Assert.Contains("PQ-0001", CardText(ds), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShowsOverdueQuestionsSeparately()
    {
        var (bed, _) = await AskedAsync();
        bed.Time.SetUtcNow(new DateTimeOffset(2020, 12, 4, 9, 0, 0, TimeSpan.Zero));

        var list = await bed.Service.MyQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.MemberId), Ct);

        var headings = list.Card!["body"]!.AsArray().OfType<JsonObject>().Where(b => (string?)b["weight"] == "Bolder").Select(b => (string?)b["text"]);
        Assert.Contains("Overdue (1)", headings);
    }

    [Fact]
    public async Task TypedRequestShowsTheConfirmationWithTheChosenOfficer()
    {
        var bed = new RoutingTestBed(Friday20November);

        var reply = await bed.Service.StartFromTextAsync(RoutingTestBed.Person(RoutingTestBed.MemberId), "ask the finance officer why placements are overspent", null, null, Ct);

        var officer = reply.Card!["body"]!.AsArray().OfType<JsonObject>().Single(b => (string?)b["id"] == RoutingCards.OfficerInput);
        Assert.Equal(ChildrenFinance, (string?)officer["value"]);
        Assert.Contains("Why placements are overspent", CardText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChairSeesTheCommitteesQuestionsAndOthersAreRefused()
    {
        var (bed, _) = await AskedAsync();
        await bed.Service.SendAsync(bed.SendPress("About placements", ChildrenFinance, member: RoutingTestBed.OtherMemberId), Ct);

        var chair = await bed.Service.CommitteeQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.ChairId), Ct);
        var member = await bed.Service.CommitteeQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.MemberId), Ct);

        Assert.Contains("PQ-0001", CardText(chair), StringComparison.Ordinal);
        Assert.Contains("PQ-0002", CardText(chair), StringComparison.Ordinal);
        Assert.Null(member.Card);
        Assert.Contains("Only a committee's chair", member.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfficerFromAnotherTenantIsRefused()
    {
        var (bed, _) = await AskedAsync();
        var elsewhere = new Sender("29:x", RoutingTestBed.PerformanceOfficerId, "Gaynor Ward", "other-tenant");

        var outcome = await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", elsewhere, ("answer", "Hello.")), Ct);

        Assert.Equal(403, Assert.IsType<CardActionOutcome.Error>(outcome).StatusCode);
        Assert.Equal(RoutedQuestionStatus.Open, (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.Status);
    }

    [Fact]
    public async Task SubmitFallbackFromAnOlderClientIsHandledLikeTheInvoke()
    {
        var (bed, _) = await AskedAsync();
        var value = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["pprr"] = RoutingCards.AnswerVerb, ["reference"] = "PQ-0001", ["answer"] = "Via the fallback." });
        var message = new IncomingMessage("", value, RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward"), "a:officer-chat", "act-9", "officer-card-1", true);

        var reply = await bed.Service.TryHandleSubmitAsync(message, Ct);

        Assert.NotNull(reply?.Card);
        Assert.Equal("Via the fallback.", (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!.AnswerText);
    }

    [Theory]
    [InlineData("questions for the 9 December meeting")]
    [InlineData("Show me the questions for the 9th December meeting?")]
    public async Task DemocraticServicesListTheQuestionsForTheNinthOfDecemberByTyping(string typed)
    {
        var (bed, _) = await AskedAsync();
        var message = new IncomingMessage(typed, null, RoutingTestBed.Person(RoutingTestBed.DemocraticServicesId), "a:ds", "a1", null, true);

        var reply = await bed.Service.TryListFromTextAsync(message, Ct);

        Assert.Contains("Questions for the 9 December meeting", CardText(reply!), StringComparison.Ordinal);
        Assert.Contains("PQ-0001", CardText(reply!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyQuestionsByTypingListsTheMembersOwn()
    {
        var (bed, _) = await AskedAsync();
        var message = new IncomingMessage("my questions", null, RoutingTestBed.Person(RoutingTestBed.MemberId), "a:m", "a1", null, true);

        var reply = await bed.Service.TryListFromTextAsync(message, Ct);

        Assert.Contains("PQ-0001", CardText(reply!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMeetingDateIsSaidPlainly()
    {
        var (bed, _) = await AskedAsync();
        var message = new IncomingMessage("questions for the 3 May meeting", null, RoutingTestBed.Person(RoutingTestBed.DemocraticServicesId), "a:ds", "a1", null, true);

        var reply = await bed.Service.TryListFromTextAsync(message, Ct);

        Assert.Equal("I don't know of a meeting on 3 May.", reply?.Text);
    }
}
