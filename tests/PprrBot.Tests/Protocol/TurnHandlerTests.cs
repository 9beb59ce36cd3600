using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PprrBot.Data;
using PprrBot.Data.Conversations;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Protocol;

public class TurnHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnswersAMessageWithTheRespondersReplyThreadedToIt()
    {
        await using var bot = BotTestAdapter.Create();

        var replies = await bot.SendAsync("hello");

        var reply = Assert.Single(replies);
        Assert.Contains("What I can help with", CardText(reply), StringComparison.Ordinal);
        Assert.Equal("reply", bot.Sent.Single().Operation);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Equal(bot.Bot.Id, reply.From?.Id);
        Assert.Equal(bot.User.Id, reply.Recipient?.Id);
    }

    [Fact]
    public async Task GivesTheResponderTheTextWithoutTheBotsMention()
    {
        var responder = RecordingResponder(out var seen);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(responder.Object));
        bot.ConversationType = "groupChat";

        await bot.SendWithMentionAsync("what is red?");

        var message = Assert.Single(seen);
        Assert.Equal("what is red?", message.Text);
        Assert.False(message.IsPersonalChat);
    }

    [Fact]
    public async Task TurnsAnActionSubmitIntoAMessageWithItsValue()
    {
        var responder = RecordingResponder(out var seen);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(responder.Object));

        await bot.SubmitAsync(new JsonObject { ["measureId"] = "CFS-12" }, cardActivityId: "card-7");

        var message = Assert.Single(seen);
        Assert.Equal("", message.Text);
        Assert.Equal("CFS-12", message.Value?.GetProperty("measureId").GetString());
        Assert.Equal("card-7", message.ReplyToId);
        Assert.Equal(bot.User.AadObjectId, message.From.AadObjectId);
        Assert.Equal(BotTestAdapter.TenantId, message.From.TenantId);
    }

    [Fact]
    public async Task ProcessesARedeliveredMessageOnce()
    {
        await using var bot = BotTestAdapter.Create();
        var activity = bot.NewActivity("message");
        activity.Text = "hello";

        var first = await bot.SendActivityAsync(activity);
        var again = await bot.SendActivityAsync(activity);

        Assert.Single(first);
        Assert.Empty(again);
    }

    [Fact]
    public async Task WelcomesOnceWhenInstalledAndAddedToTheSameConversation()
    {
        await using var bot = BotTestAdapter.Create();
        var added = bot.NewActivity("conversationUpdate");
        added.MembersAdded = [bot.Bot];

        var onInstall = await bot.InstallAsync();
        var onAdded = await bot.SendActivityAsync(added);

        Assert.Single(onInstall);
        Assert.Empty(onAdded);
    }

    [Fact]
    public async Task DoesNotWelcomeWhenSomeoneElseJoins()
    {
        await using var bot = BotTestAdapter.Create();
        var joined = bot.NewActivity("conversationUpdate");
        joined.MembersAdded = [new ChannelAccount { Id = "29:someone-else" }];

        var replies = await bot.SendActivityAsync(joined);

        Assert.Empty(replies);
    }

    [Fact]
    public async Task SavesTheConversationReferenceFromEveryActivity()
    {
        await using var bot = BotTestAdapter.Create();

        await bot.SendAsync("hello");

        var saved = await bot.References.FindPersonalByUserAsync(bot.User.AadObjectId!, Ct);
        Assert.NotNull(saved);
        Assert.Equal(bot.ConversationId, saved.ConversationId);
        Assert.Equal(BotTestAdapter.ServiceUrl, saved.ServiceUrl);
        Assert.Equal(BotTestAdapter.TenantId, saved.TenantId);
        Assert.Equal(bot.Bot.Id, saved.BotId);
    }

    [Fact]
    public async Task WritesAnUnchangedConversationReferenceOnceForManyMessages()
    {
        var store = new Mock<IConversationReferenceStore>();
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(store.Object));

        await bot.SendAsync("hello");
        await bot.SendAsync("what is red?");
        await bot.SendAsync("help");

        store.Verify(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()), Times.Once());
    }

    [Fact]
    public async Task SavesTheReferenceAgainAfterTheAppWasUninstalledAndReinstalled()
    {
        await using var bot = BotTestAdapter.Create();
        await bot.InstallAsync();
        await bot.UninstallAsync();

        await bot.InstallAsync();

        Assert.NotNull(await bot.References.FindByConversationAsync(bot.ConversationId, Ct));
    }

    [Fact]
    public async Task StillAnswersWhenTheConversationReferenceCannotBeSaved()
    {
        var store = new Mock<IConversationReferenceStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database is down"));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(store.Object));

        var replies = await bot.SendAsync("hello");

        Assert.Contains("What I can help with", CardText(Assert.Single(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavesTheConversationReferenceOnlyAfterTheAnswerIsSent()
    {
        BotTestAdapter? bot = null;
        var sentWhenSaved = new List<int>();
        var store = new Mock<IConversationReferenceStore>();
        store.Setup(s => s.SaveAsync(It.IsAny<ConversationReference>(), It.IsAny<CancellationToken>()))
            .Callback(() => sentWhenSaved.Add(bot!.Sent.Count))
            .Returns(Task.CompletedTask);
        await using var created = bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(store.Object));

        await bot.SendAsync("hello");

        Assert.Equal([1], sentWhenSaved);
    }

    [Fact]
    public async Task SavesTheConversationReferenceWhenTheAnswerCannotBeSent()
    {
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.ReplyToActivityAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("Teams is down", 503, "ServiceUnavailable"));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(connector.Object));

        await bot.SendAsync("hello");

        Assert.NotNull(await bot.References.FindByConversationAsync(bot.ConversationId, Ct));
    }

    [Fact]
    public async Task AnswersAMessageSentDuringStartUpOnceTheSnapshotIsReady()
    {
        var readiness = PprrDataReadiness.Starting();
        var store = new PprrSnapshotStore();
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(readiness).AddSingleton(store));

        var turn = bot.SendAsync("what is CFE01");
        var answeredBeforeReady = turn.IsCompleted || bot.Sent.Count > 0;
        store.Swap(SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch));
        readiness.SnapshotReady();
        var replies = await turn;

        Assert.False(answeredBeforeReady);
        Assert.Contains("71.1", CardText(Assert.Single(replies)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetsTheConversationWhenTheAppIsUninstalled()
    {
        await using var bot = BotTestAdapter.Create();
        await bot.InstallAsync();

        await bot.UninstallAsync();

        Assert.Null(await bot.References.FindByConversationAsync(bot.ConversationId, Ct));
    }

    [Fact]
    public async Task RepliesWithAFriendlyMessageAndNoExceptionTextWhenTheResponderFails()
    {
        var responder = new Mock<IMessageResponder>();
        responder.Setup(r => r.RespondAsync(It.IsAny<IncomingMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database password is hunter2"));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(responder.Object));

        var replies = await bot.SendAsync("hello");

        var reply = Assert.Single(replies);
        Assert.Equal(TurnHandler.FriendlyError, reply.Text);
        Assert.DoesNotContain("hunter2", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsACardAsAnAdaptiveCardAttachmentWithoutTextAndWithItsSummary()
    {
        var card = BotMessage.ForCard("""{"type":"AdaptiveCard","version":"1.5","fallbackText":"Help"}"""u8.ToArray(), "Help", "Help card");
        var responder = new Mock<IMessageResponder>();
        responder.Setup(r => r.RespondAsync(It.IsAny<IncomingMessage>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([card with { Text = "Here you are" }]);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(responder.Object));

        var replies = await bot.SendAsync("help");

        Assert.Equal(2, replies.Count);
        Assert.Equal("Here you are", replies[0].Text);
        Assert.Null(replies[0].Attachments);
        Assert.Null(replies[1].Text);
        Assert.Equal("application/vnd.microsoft.card.adaptive", replies[1].Attachments!.Single().ContentType);
        Assert.Equal("1.5", replies[1].Card()?["version"]?.GetValue<string>());
        Assert.Equal("Help card", replies[1].Summary);
    }

    [Fact]
    public async Task AnswersActionExecuteWithTheHandlersReplacementCard()
    {
        var handler = new Mock<ICardActionHandler>();
        handler.Setup(h => h.Handles("approve")).Returns(true);
        handler.Setup(h => h.ExecuteAsync(It.IsAny<CardAction>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CardActionOutcome.ReplaceCard(BotMessage.ForCard("""{"type":"AdaptiveCard","version":"1.5"}"""u8.ToArray(), "Approved", "Approved")));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(handler.Object));

        var response = await bot.ExecuteAsync("approve", new JsonObject { ["id"] = 4 }, cardActivityId: "card-1");

        Assert.Equal(200, response.Status);
        Assert.Equal(200, response.BodyObject()?["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.BodyObject()?["type"]?.GetValue<string>());
        Assert.Equal("1.5", response.BodyObject()?["value"]?["version"]?.GetValue<string>());
        handler.Verify(h => h.ExecuteAsync(
            It.Is<CardAction>(a => a.Verb == "approve" && a.Data.GetProperty("id").GetInt32() == 4 && a.CardActivityId == "card-1"),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RunsARedeliveredCardActionOnceAndAnswersBothDeliveries()
    {
        var handler = new Mock<ICardActionHandler>();
        handler.Setup(h => h.Handles("route")).Returns(true);
        handler.Setup(h => h.ExecuteAsync(It.IsAny<CardAction>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new CardActionOutcome.Message("Sent to the officer"));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(handler.Object));
        var press = bot.NewActivity("invoke");
        press.Name = "adaptiveCard/action";
        press.Value = System.Text.Json.JsonSerializer.SerializeToElement(
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "route" } },
            ProtocolJsonContext.Default.JsonObject);

        var first = await bot.InvokeActivityAsync(press);
        var again = await bot.InvokeActivityAsync(press);

        handler.Verify(h => h.ExecuteAsync(It.IsAny<CardAction>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("Sent to the officer", again.BodyObject()?["value"]?.GetValue<string>());
        Assert.Same(first, again);
    }

    [Fact]
    public async Task AnswersAnUnknownVerbWithANotSupportedErrorBody()
    {
        await using var bot = BotTestAdapter.Create();

        var response = await bot.ExecuteAsync("no-such-verb");

        Assert.Equal(200, response.Status);
        Assert.Equal(400, response.BodyObject()?["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", response.BodyObject()?["type"]?.GetValue<string>());
        Assert.Equal("NotSupported", response.BodyObject()?["value"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnswersACardActionWithoutAnActionWithABadRequestBody()
    {
        await using var bot = BotTestAdapter.Create();

        var response = await bot.InvokeAsync("adaptiveCard/action", new JsonObject { ["trigger"] = "manual" });

        Assert.Equal(400, response.BodyObject()?["statusCode"]?.GetValue<int>());
        Assert.Equal("BadRequest", response.BodyObject()?["value"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnswersAnActionSubmitTypedActionWithNotSupported()
    {
        await using var bot = BotTestAdapter.Create();
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Submit", ["verb"] = "x" } };

        var response = await bot.InvokeAsync("adaptiveCard/action", value);

        Assert.Equal("NotSupported", response.BodyObject()?["value"]?["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnswersUnknownInvokesWith501()
    {
        await using var bot = BotTestAdapter.Create();

        var response = await bot.InvokeAsync("composeExtension/query", new JsonObject());

        Assert.Equal(501, response.Status);
        Assert.Null(response.Body);
    }

    [Fact]
    public async Task HandsAcceptedFileConsentToTheFileConsentHandlerWithEveryUploadField()
    {
        var handler = new Mock<IFileConsentHandler>();
        handler.Setup(h => h.HandleAsync(It.IsAny<FileConsentAnswer>(), It.IsAny<CancellationToken>())).ReturnsAsync(FileConsentOutcome.Handled);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(handler.Object));

        var response = await bot.InvokeAsync("fileConsent/invoke", FileConsentValue("accept", new JsonObject
        {
            ["name"] = "pack.docx",
            ["uploadUrl"] = "https://contoso.sharepoint.com/upload/1",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/chair/pack.docx",
            ["uniqueId"] = "1150D938",
            ["fileType"] = "docx",
        }), replyToId: "consent-card");

        Assert.Equal(200, response.Status);
        handler.Verify(h => h.HandleAsync(
            It.Is<FileConsentAnswer>(a => a.Accepted && a.Upload!.UploadUrl.AbsoluteUri == "https://contoso.sharepoint.com/upload/1"
                                          && a.Upload.ContentUrl!.AbsoluteUri == "https://contoso.sharepoint.com/personal/chair/pack.docx"
                                          && a.Upload.UniqueId == "1150D938" && a.Upload.FileType == "docx" && a.Upload.Name == "pack.docx"
                                          && a.Context!.Value.GetProperty("pack").GetString() == "p-1"
                                          && a.ConsentCardActivityId == "consent-card"),
            It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task HandsAnAcceptWhoseUploadUrlIsNotAWebAddressOnWithoutAnUploadTarget()
    {
        var handler = new Mock<IFileConsentHandler>();
        handler.Setup(h => h.HandleAsync(It.IsAny<FileConsentAnswer>(), It.IsAny<CancellationToken>())).ReturnsAsync(FileConsentOutcome.Malformed);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(handler.Object));

        var response = await bot.InvokeAsync("fileConsent/invoke", FileConsentValue("accept", new JsonObject { ["uploadUrl"] = "/etc/passwd" }));

        Assert.Equal(400, response.Status);
        handler.Verify(h => h.HandleAsync(It.Is<FileConsentAnswer>(a => a.Accepted && a.Upload == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AnswersFileConsentWith400WithoutCallingTheHandlerWhenTheActionIsNeitherAcceptNorDecline()
    {
        var handler = new Mock<IFileConsentHandler>(MockBehavior.Strict);
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(handler.Object));

        var unknown = await bot.InvokeAsync("fileConsent/invoke", FileConsentValue("maybe", null));
        var noValue = await bot.InvokeAsync("fileConsent/invoke", null);

        Assert.Equal(400, unknown.Status);
        Assert.Equal(400, noValue.Status);
    }

    [Fact]
    public async Task AnswersFileConsentWith501WhenNoFeatureHandlesIt()
    {
        await using var bot = BotTestAdapter.Create();

        var response = await bot.InvokeAsync("fileConsent/invoke", new JsonObject { ["action"] = "decline" });

        Assert.Equal(501, response.Status);
    }

    [Fact]
    public async Task OffersAFileAsAFileConsentCard()
    {
        await using var bot = BotTestAdapter.Create();
        await bot.SendAsync("hello");
        var offer = new BotMessage(null, "Your briefing pack")
        {
            File = new FileOffer("pack.docx", "Briefing pack for 9 December 2026", 12_345, new JsonObject { ["pack"] = "p-1" }),
        };

        await using var scope = bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConversationSender>().SendAsync(bot.ConversationId, offer, Ct);

        var sent = bot.Sent[^1];
        Assert.Equal("send", sent.Operation);
        var attachment = Assert.Single(sent.Activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", attachment.ContentType);
        Assert.Equal("pack.docx", attachment.Name);
        Assert.Equal(12_345, attachment.Content?.ToNode()?["sizeInBytes"]?.GetValue<long>());
        Assert.Equal("Your briefing pack", sent.Activity.Summary);
    }

    [Fact]
    public async Task SendsAnUploadedFileAsTextThenAFileInfoCard()
    {
        await using var bot = BotTestAdapter.Create();
        await bot.SendAsync("hello");
        var before = bot.Sent.Count;
        var saved = new BotMessage("Saved to your OneDrive.")
        {
            UploadedFile = new UploadedFile("pack.docx", new Uri("https://contoso.sharepoint.com/personal/chair/pack%20v2.docx"), "1150D938", "docx"),
        };

        await using var scope = bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConversationSender>().SendAsync(bot.ConversationId, saved, Ct);

        var sent = bot.Sent.Skip(before).Select(s => s.Activity).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal("Saved to your OneDrive.", sent[0].Text);
        Assert.Null(sent[0].Attachments);
        Assert.Null(sent[1].Text);
        var attachment = Assert.Single(sent[1].Attachments!);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", attachment.ContentType);
        Assert.Equal("https://contoso.sharepoint.com/personal/chair/pack%20v2.docx", attachment.ContentUrl);
        Assert.Equal("pack.docx", attachment.Name);
        Assert.Equal("""{"uniqueId":"1150D938","fileType":"docx"}""", attachment.Content?.ToString());
    }

    [Fact]
    public async Task CreatesAPersonalConversationOnceAndRemembersIt()
    {
        await using var bot = BotTestAdapter.Create();
        await using var scope = bot.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<IConversationSender>();

        var first = await sender.CreatePersonalConversationAsync("29:officer-1", BotTestAdapter.TenantId, BotTestAdapter.ServiceUrl, Ct);
        var second = await sender.CreatePersonalConversationAsync("29:officer-1", BotTestAdapter.TenantId, BotTestAdapter.ServiceUrl, Ct);

        Assert.Equal(first, second);
        var created = Assert.Single(bot.Connector.CreatedConversations);
        Assert.Equal("28:" + BotTestAdapter.AppId, created.Bot?.Id);
        Assert.Equal(BotTestAdapter.TenantId, created.TenantId);
        Assert.False(created.IsGroup);
    }

    [Fact]
    public async Task ForgetsAConversationTeamsSaysTheBotIsNoLongerIn()
    {
        var connector = new Mock<IConnectorClient>();
        connector.Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ConnectorException("Forbidden", 403, "BotNotInConversationRoster"));
        await using var bot = BotTestAdapter.Create(configureServices: s => s.AddSingleton(connector.Object));
        await bot.InstallAsync();
        await using var scope = bot.Services.CreateAsyncScope();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            scope.ServiceProvider.GetRequiredService<IConversationSender>().SendAsync(bot.ConversationId, BotMessage.Plain("Reminder"), Ct));

        Assert.Equal(403, failure.StatusCode);
        Assert.Null(await bot.References.FindByConversationAsync(bot.ConversationId, Ct));
    }

    private static JsonObject FileConsentValue(string action, JsonObject? uploadInfo) => new()
    {
        ["type"] = "fileUpload",
        ["action"] = action,
        ["context"] = new JsonObject { ["pack"] = "p-1" },
        ["uploadInfo"] = uploadInfo,
    };

    private static Mock<IMessageResponder> RecordingResponder(out List<IncomingMessage> seen)
    {
        var messages = new List<IncomingMessage>();
        seen = messages;
        var responder = new Mock<IMessageResponder>();
        responder.Setup(r => r.RespondAsync(It.IsAny<IncomingMessage>(), It.IsAny<CancellationToken>()))
            .Callback<IncomingMessage, CancellationToken>((m, _) => messages.Add(m))
            .ReturnsAsync([BotMessage.Plain("ok")]);
        return responder;
    }

    /// <summary>The Adaptive Card a reply carries, as JSON text (help and answers are cards).</summary>
    private static string CardText(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return JsonSerializer.Serialize(attachment.Content);
    }
}
