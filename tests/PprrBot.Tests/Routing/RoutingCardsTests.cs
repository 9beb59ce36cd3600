using System.Text.Json.Nodes;
using NJsonSchema;
using PprrBot.Data.RoutedQuestions;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class RoutingCardsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One of every routing card, built through the real flows (also written out for the npm parser check).</summary>
    internal static async Task<IReadOnlyList<(string Name, BotMessage Message)>> EveryCardAsync()
    {
        var bed = new RoutingTestBed(new DateTimeOffset(2020, 11, 20, 10, 0, 0, TimeSpan.Zero));
        var member = RoutingTestBed.Person(RoutingTestBed.MemberId, "Councillor Ann Smith");
        var gaynor = RoutingTestBed.Person(RoutingTestBed.PerformanceOfficerId, "Gaynor Ward");
        var cards = new List<(string, BotMessage)>
        {
            ("confirmation", await bed.Service.PrepareAsync(member, new RouteStart("Why did it rise?", "CFE21", "2019/20"), Ct)),
            ("acknowledgement", await bed.Service.SendAsync(bed.SendPress("Why did it rise?", "Strategy and Performance Manager", "CFE21", "2019/20"), Ct)),
        };
        var question = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        cards.Add(("officer", RoutingCards.OfficerRequest(question, OfficerChooser.Candidates(bed.Snapshot))));
        await bed.Service.ExecuteAsync(RoutingTestBed.Press(RoutingCards.AnswerVerb, "PQ-0001", gaynor, ("answer", "A review found more re-referrals.")), Ct);
        var answered = (await bed.Store.FindByReferenceAsync("PQ-0001", Ct))!;
        cards.Add(("officer answered", RoutingCards.OfficerAnswered(answered)));
        cards.Add(("member answer", RoutingCards.MemberAnswer(answered, bed.Snapshot.ContactForRole(answered.AssignedRole))));
        cards.Add(("confirmation with earlier answers", await bed.Service.PrepareAsync(member, new RouteStart("", "CFE21"), Ct)));
        await bed.Service.SendAsync(bed.SendPress("What is driving the placements overspend?", "CSS Manager (Specialist) Finance – Children's Social Care"), Ct);
        cards.Add(("my questions", await bed.Service.MyQuestionsAsync(member, Ct)));
        cards.Add(("meeting list", await bed.Service.MeetingQuestionsAsync(RoutingTestBed.Person(RoutingTestBed.DemocraticServicesId), new DateOnly(2020, 12, 9), Ct)));
        cards.AddRange(bed.Store.Outbox.Select(m => ($"outbox {m.DedupeKey}", RoutingNotification.Parse(m.PayloadJson).ToBotMessage())));
        return cards;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).SelectMany(Objects).Prepend(o),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    [Fact]
    public async Task EveryCardIsVersionOnePointFiveWithSpeakFallbackAndSummary()
    {
        var cards = await EveryCardAsync();

        Assert.All(cards, c =>
        {
            Assert.Equal("1.5", (string?)c.Message.Card!["version"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)c.Message.Card["speak"]), c.Name);
            Assert.False(string.IsNullOrWhiteSpace((string?)c.Message.Card["fallbackText"]), c.Name);
            Assert.False(string.IsNullOrWhiteSpace(c.Message.Summary), c.Name);
        });
    }

    [Fact]
    public async Task EveryTextBlockWraps()
    {
        var cards = await EveryCardAsync();

        var blocks = cards.SelectMany(c => Objects(c.Message.Card)).Where(o => (string?)o["type"] == "TextBlock").ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, b => Assert.True((bool?)b["wrap"], (string?)b["text"]));
    }

    [Fact]
    public async Task OfficerActionsAreExecuteInsideActionSetsWithASubmitFallback()
    {
        var cards = await EveryCardAsync();

        var officer = cards.Single(c => c.Name == "officer").Message.Card;
        var sets = Objects(officer).Where(o => (string?)o["type"] == "ActionSet").ToList();
        var executes = sets.SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>()).Where(a => (string?)a["type"] == "Action.Execute").ToList();
        Assert.Equal([RoutingCards.AnswerVerb, RoutingCards.ReassignVerb, RoutingCards.ExtendVerb], executes.Select(e => (string?)e["verb"]));
        Assert.All(executes, e =>
        {
            var fallback = Assert.IsType<JsonObject>(e["fallback"]);
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            Assert.Equal((string?)e["verb"], (string?)fallback["data"]!["pprr"]);
        });
        Assert.Equal(1, Objects(officer).Count(o => (string?)o["type"] == "Input.Date"));
    }

    [Fact]
    public async Task AnsweredOfficerCardHasNoInputsOrActions()
    {
        var cards = await EveryCardAsync();

        var answered = cards.Single(c => c.Name == "officer answered").Message.Card;
        Assert.DoesNotContain(Objects(answered), o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true || (string?)o["type"] == "ActionSet");
        Assert.Contains("Answered by Gaynor Ward on Friday 20 November 2020 at 10:00", answered!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryInputHasItsOwnIdAndRequiredInputsSayWhatIsMissing()
    {
        var cards = await EveryCardAsync();

        Assert.All(cards, c =>
        {
            var inputs = Objects(c.Message.Card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true).ToList();
            var ids = inputs.Select(i => (string?)i["id"]).ToList();
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.All(inputs.Where(i => (bool?)i["isRequired"] == true), i => Assert.False(string.IsNullOrEmpty((string?)i["errorMessage"]), $"{c.Name}: {i["id"]}"));
        });
    }

    [Fact]
    public async Task ConfirmationQuotesTheMeasureAndSubmitsRouteSend()
    {
        var cards = await EveryCardAsync();

        var confirmation = cards.Single(c => c.Name == "confirmation").Message.Card!;
        var text = confirmation.ToJsonString();
        Assert.Contains("2019/20: 21.4%, target 20.0%, Amber", text, StringComparison.Ordinal);
        Assert.Contains("Thursday 3 December 2020", text, StringComparison.Ordinal);
        var send = confirmation["actions"]!.AsArray().OfType<JsonObject>().First();
        Assert.Equal("Action.Submit", (string?)send["type"]);
        Assert.Equal("route.send", (string?)send["data"]!["pprr"]);
        Assert.Equal("CFE21", (string?)send["data"]!["code"]);
    }

    [Fact]
    public async Task EveryCardValidatesAgainstTheAdaptiveCardSchema()
    {
        var schemaPath = SchemaPath();
        Assert.SkipWhen(schemaPath is null, "../shared/schemas/adaptive-card-1.5.json is not beside the repository.");
        var schema = await JsonSchema.FromFileAsync(schemaPath!, Ct);

        var broken = schema.Validate("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""");
        var cards = await EveryCardAsync();

        Assert.NotEmpty(broken); // the schema does catch a TextBlock with no text
        Assert.All(cards, c => Assert.Empty(schema.Validate(c.Message.Card!.ToJsonString()).Select(e => $"{c.Name}: {e}")));
    }

    private static string? SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PprrBot.sln")))
            {
                var path = Path.Combine(dir.FullName, "..", "shared", "schemas", "adaptive-card-1.5.json");
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }

    [Fact]
    public void WritesDatesTheUkWay()
    {
        var date = RoutingCards.LongDate(new DateOnly(2020, 12, 7));

        Assert.Equal("Monday 7 December 2020", date);
    }

    [Fact]
    public void ListCardSaysSoWhenThereAreNoQuestions()
    {
        var card = RoutingCards.QuestionList("My questions", []);

        Assert.Contains("There are no questions yet.", card.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoticeQuotesTheQuestion()
    {
        var question = new RoutedQuestion
        {
            Reference = "PQ-0007", SourceKey = "k", MemberAadObjectId = "m", MemberConversationId = "c",
            QuestionText = "Why?", AssignedRole = "Strategy and Performance Manager", AnswerBy = new DateOnly(2020, 12, 3),
        };

        var card = RoutingCards.Notice("Copy: question PQ-0007", "Sent.", question, null);

        Assert.Contains("Why?", card.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SaysWhenAQuestionIsTooLateAndNoLaterMeetingIsKnown()
    {
        var missed = RoutingTestBed.MeetingOn(new DateOnly(2021, 6, 16));
        var outcome = new DeadlineOutcome(null, new DateOnly(2021, 6, 28), DeadlineBasis.ServiceLevel, missed, new DateOnly(2021, 6, 14));

        var sentence = RoutingCards.DeadlineSentence(outcome);

        Assert.Equal("It is too late for the meeting on Wednesday 16 June 2021 and no later meeting is known, so it will be answered by Monday 28 June 2021.", sentence);
    }
}
