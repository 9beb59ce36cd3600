using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PprrBot.Protocol;
using PprrBot.Summaries;
using PprrBot.Tests.Protocol;
using PprrBot.Tests.Protocol.TestAdapter;

namespace PprrBot.Tests.Summaries;

public class MeetingPackUploadTests
{
    private const string OneDriveLink = "https://contoso.sharepoint.com/personal/chair_contoso_com/Documents/Applications/PprrBot/meeting-pack-2020-12-09.docx";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptUploadsTheDocumentToTheUploadUrlInOneRange()
    {
        var bed = new SummaryTestBed();
        await bed.AddQuestionAsync("Why are apprenticeships down?", "CFE27", new DateOnly(2020, 12, 2), answer: "Covid-19 paused apprenticeship starts.");
        await using var server = await UploadServer.StartAsync(StatusCodes.Status201Created);
        var sender = new Mock<IConversationSender>();
        var upload = bed.Upload(HttpClients(), sender.Object);

        var outcome = await upload.HandleAsync(Accept(server.UploadUrl), Ct);

        Assert.Equal(FileConsentOutcome.Handled, outcome);
        var received = Assert.Single(server.Received);
        Assert.Equal($"bytes 0-{received.Bytes.Length - 1}/{received.Bytes.Length}", received.Range);
        using var document = WordprocessingDocument.Open(new MemoryStream(received.Bytes), false);
        Assert.Contains("Covid-19 paused apprenticeship starts.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedPackArrivesInTheChatAsAFileInfoCardWithTheOneDriveLink()
    {
        var bed = new SummaryTestBed();
        await using var server = await UploadServer.StartAsync(StatusCodes.Status201Created);
        await using var bot = ChairsChat(bed, HttpClients());

        var response = await bot.InvokeAsync("fileConsent/invoke", AcceptValue(new JsonObject
        {
            ["name"] = "meeting-pack-2020-12-09.docx",
            ["uploadUrl"] = server.UploadUrl.AbsoluteUri,
            ["contentUrl"] = OneDriveLink,
            ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
            ["fileType"] = "docx",
        }), replyToId: "consent-card");

        Assert.Equal(200, response.Status);
        Assert.Single(server.Received);
        Assert.Equal(["I've saved the meeting pack for 9 December 2020 to your OneDrive."], bot.Sent.Select(s => s.Activity).Texts());
        var attachment = Assert.Single(bot.Sent[^1].Activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", attachment.ContentType);
        Assert.Equal(OneDriveLink, attachment.ContentUrl);
        Assert.Equal("meeting-pack-2020-12-09.docx", attachment.Name);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C8C", attachment.Content?.ToNode()?["uniqueId"]?.GetValue<string>());
        Assert.Equal("docx", attachment.Content?.ToNode()?["fileType"]?.GetValue<string>());
    }

    [Fact]
    public async Task AcceptWithoutAnUploadUrlGetsAClearReplyNoUploadAnd400()
    {
        var bed = new SummaryTestBed();
        await using var bot = ChairsChat(bed, new Mock<IHttpClientFactory>(MockBehavior.Strict).Object);

        var response = await bot.InvokeAsync("fileConsent/invoke", AcceptValue(new JsonObject
        {
            ["name"] = "meeting-pack-2020-12-09.docx",
            ["contentUrl"] = OneDriveLink,
            ["uniqueId"] = "1150D938",
            ["fileType"] = "docx",
        }));

        Assert.Equal(400, response.Status);
        var reply = Assert.Single(bot.Sent).Activity;
        Assert.StartsWith("Teams didn't tell me where in your OneDrive to save the meeting pack, so I haven't saved it.", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task AnswerToAnOfferThatIsNotAMeetingPackGetsAClearReplyAndIsMalformed()
    {
        var bed = new SummaryTestBed();
        var sender = new Mock<IConversationSender>();
        var upload = bed.Upload(new Mock<IHttpClientFactory>(MockBehavior.Strict).Object, sender.Object);
        using var other = JsonDocument.Parse("""{"kind":"somethingElse"}""");

        var outcome = await upload.HandleAsync(Accept(new Uri("https://upload.example/x")) with { Context = other.RootElement.Clone() }, Ct);
        var noContext = await upload.HandleAsync(Accept(new Uri("https://upload.example/x")) with { Context = null }, Ct);

        Assert.Equal(FileConsentOutcome.Malformed, outcome);
        Assert.Equal(FileConsentOutcome.Malformed, noContext);
        sender.Verify(s => s.SendAsync(
            "conv-chair",
            It.Is<BotMessage>(m => m.Text!.StartsWith("I couldn't tell which meeting pack that answer was for", StringComparison.Ordinal) && m.UploadedFile == null),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task DeclineSaysSoPolitelyAndUploadsNothing()
    {
        var bed = new SummaryTestBed();
        var sender = new Mock<IConversationSender>();
        var upload = bed.Upload(new Mock<IHttpClientFactory>(MockBehavior.Strict).Object, sender.Object);
        var decline = Accept(new Uri("https://upload.example/x")) with { Accepted = false, Upload = null };

        var outcome = await upload.HandleAsync(decline, Ct);

        Assert.Equal(FileConsentOutcome.Handled, outcome);
        sender.Verify(s => s.SendAsync(
            "conv-chair", It.Is<BotMessage>(m => m.Text!.StartsWith("No problem", StringComparison.Ordinal) && m.UploadedFile == null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task UploadRefusedByOneDriveSaysThePackIsNotSavedAndSendsNoFileCard()
    {
        var bed = new SummaryTestBed();
        await using var server = await UploadServer.StartAsync(StatusCodes.Status503ServiceUnavailable);
        var sender = new Mock<IConversationSender>();
        var upload = bed.Upload(HttpClients(), sender.Object);

        var outcome = await upload.HandleAsync(Accept(server.UploadUrl), Ct);

        Assert.Equal(FileConsentOutcome.Handled, outcome);
        sender.Verify(s => s.SendAsync(
            "conv-chair", It.Is<BotMessage>(m => m.Text!.Contains("it isn't in your OneDrive", StringComparison.Ordinal) && m.UploadedFile == null), It.IsAny<CancellationToken>()), Times.Once);
        sender.Verify(s => s.SendAsync(It.IsAny<string>(), It.Is<BotMessage>(m => m.UploadedFile != null), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcceptFromSomeoneWhoMayNotHaveThePackUploadsNothing()
    {
        var bed = new SummaryTestBed();
        var sender = new Mock<IConversationSender>();
        var upload = bed.Upload(new Mock<IHttpClientFactory>(MockBehavior.Strict).Object, sender.Object);
        var member = Accept(new Uri("https://upload.example/x")) with { From = new Sender("29:member", SummaryTestBed.MemberId, null, null) };

        var outcome = await upload.HandleAsync(member, Ct);

        Assert.Equal(FileConsentOutcome.Handled, outcome);
        sender.Verify(s => s.SendAsync(
            "conv-chair", It.Is<BotMessage>(m => m.Text!.Contains("chair and Democratic Services", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task MeetingPackIsOfferedOnlyInPersonalChatToChairsAndDemocraticServices()
    {
        var bed = new SummaryTestBed();
        var offer = new MeetingPackOffer(bed.Snapshots, bed.Packs, bed.Access, bed.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingPackOffer>.Instance);
        IncomingMessage Message(string aad, bool personal) => new("meeting pack for 9 December", null, new Sender("29:x", aad, null, null), "conv", "act-1", null, personal);

        var chair = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.ChairId, personal: true), Ct);
        var inChannel = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.DemocraticServicesId, personal: false), Ct);
        var member = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.MemberId, personal: true), Ct);
        var other = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.ChairId, personal: true) with { Text = "brief me" }, Ct);

        Assert.NotNull(chair!.File);
        Assert.Equal("meeting-pack-2020-12-09.docx", chair.File.FileName);
        Assert.Equal("2020-12-09", chair.File.Context["meetingDate"]!.GetValue<string>());
        Assert.True(chair.File.SizeInBytes > 0);
        Assert.Null(inChannel!.File);
        Assert.Contains("1:1 chat", inChannel.Text, StringComparison.Ordinal);
        Assert.Null(member!.File);
        Assert.Contains("Democratic Services", member.Text, StringComparison.Ordinal);
        Assert.Null(other);
    }

    private static FileConsentAnswer Accept(Uri uploadUrl) => new(
        true,
        JsonSerializer.SerializeToElement(MeetingPackOffer.Context(SummaryTestBed.Meeting), ProtocolJsonContext.Default.JsonObject),
        new FileUploadInfo("meeting-pack-2020-12-09.docx", uploadUrl, new Uri(OneDriveLink), "1150D938", "docx"),
        new Sender("29:chair", SummaryTestBed.ChairId, "Chair", "tenant"),
        "conv-chair",
        "consent-card");

    private static JsonObject AcceptValue(JsonObject uploadInfo) => new()
    {
        ["type"] = "fileUpload",
        ["action"] = "accept",
        ["context"] = MeetingPackOffer.Context(SummaryTestBed.Meeting),
        ["uploadInfo"] = uploadInfo,
    };

    // The whole turn as Teams drives it: the chair's 1:1 chat, the invoke, the bot's messages through the connector.
    private static BotTestAdapter ChairsChat(SummaryTestBed bed, IHttpClientFactory http)
    {
        var bot = BotTestAdapter.Create(configureServices: s =>
            s.AddSingleton<IFileConsentHandler>(sp => bed.Upload(http, sp.GetRequiredService<IConversationSender>())));
        bot.User = new ChannelAccount { Id = "29:chair", Name = "A Chair", AadObjectId = SummaryTestBed.ChairId };
        return bot;
    }

    private static IHttpClientFactory HttpClients() =>
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    /// <summary>Teams' upload session: records each PUT and answers with one status.</summary>
    private sealed class UploadServer : IAsyncDisposable
    {
        private readonly List<(byte[] Bytes, string Range)> _received = [];
        private WebApplication? _app;

        public Uri UploadUrl { get; private set; } = null!;

        public IReadOnlyList<(byte[] Bytes, string Range)> Received
        {
            get
            {
                lock (_received)
                {
                    return [.. _received];
                }
            }
        }

        public static async Task<UploadServer> StartAsync(int status)
        {
            var server = new UploadServer();
            (server._app, var baseAddress) = await LoopbackServer.StartAsync(app => app.MapPut("/upload/session-1", async (HttpRequest request) =>
            {
                using var copy = new MemoryStream();
                await request.Body.CopyToAsync(copy);
                lock (server._received)
                {
                    server._received.Add((copy.ToArray(), request.Headers.ContentRange.ToString()));
                }

                return Results.StatusCode(status);
            }));
            server.UploadUrl = new Uri(baseAddress, "upload/session-1");
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }
        }
    }
}
