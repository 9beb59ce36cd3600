using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PprrBot.Protocol;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

public class MeetingPackUploadTests
{
    [Fact]
    public async Task AcceptUploadsTheDocumentToTheUploadUrlAndPostsTheFileCard()
    {
        var bed = new SummaryTestBed();
        await bed.AddQuestionAsync("Why are apprenticeships down?", "CFE27", new DateOnly(2020, 12, 2), answer: "Covid-19 paused apprenticeship starts.");
        byte[]? received = null;
        string? range = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapPut("/upload/session-1", async (HttpRequest request) =>
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            received = copy.ToArray();
            range = request.Headers.ContentRange.ToString();
            return Results.Created();
        });
        await server.StartAsync(TestContext.Current.CancellationToken);
        var uploadUrl = server.Urls.Single() + "/upload/session-1";
        var replies = new Mock<IFileConsentReplies>();
        var upload = bed.Upload(HttpClients(), replies.Object);

        var status = await upload.HandleAsync(Accept(uploadUrl, SummaryTestBed.ChairId), TestContext.Current.CancellationToken);

        Assert.Equal(200, status);
        Assert.NotNull(received);
        Assert.Equal($"bytes 0-{received.Length - 1}/{received.Length}", range);
        using (var document = WordprocessingDocument.Open(new MemoryStream(received), false))
        {
            Assert.Contains("Covid-19 paused apprenticeship starts.", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        replies.Verify(r => r.SendFileCardAsync(
            "conv-chair",
            It.Is<PprrBot.Summaries.UploadedFile>(f => f.Name == "meeting-pack-2020-12-09.docx" && f.UniqueId == "1150D938" && f.FileType == "docx" && f.ContentUrl == "https://contoso.sharepoint.com/pack.docx"),
            It.IsAny<CancellationToken>()), Times.Once);
        replies.Verify(r => r.SendTextAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        await server.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task DeclineSaysSoPolitelyAndUploadsNothing()
    {
        var bed = new SummaryTestBed();
        var replies = new Mock<IFileConsentReplies>();
        var http = new Mock<IHttpClientFactory>(MockBehavior.Strict);
        var upload = bed.Upload(http.Object, replies.Object);
        var decline = new FileConsentResponse("decline", Context(), null, null, null, null, null, new Sender("29:chair", SummaryTestBed.ChairId, "Chair", "tenant"), "conv-chair");

        var status = await upload.HandleAsync(decline, TestContext.Current.CancellationToken);

        Assert.Equal(200, status);
        replies.Verify(r => r.SendTextAsync("conv-chair", It.Is<string>(t => t.StartsWith("No problem", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        replies.Verify(r => r.SendFileCardAsync(It.IsAny<string>(), It.IsAny<PprrBot.Summaries.UploadedFile>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AnswerWithoutAMeetingPackContextIsRefusedAsMalformed()
    {
        var bed = new SummaryTestBed();
        var replies = new Mock<IFileConsentReplies>();
        var upload = bed.Upload(new Mock<IHttpClientFactory>(MockBehavior.Strict).Object, replies.Object);
        using var other = JsonDocument.Parse("""{"kind":"somethingElse"}""");
        var response = new FileConsentResponse("accept", other.RootElement.Clone(), "https://upload.example/x", "https://x", "id", "docx", "x.docx", new Sender("29:chair", SummaryTestBed.ChairId, null, null), "conv-chair");

        var status = await upload.HandleAsync(response, TestContext.Current.CancellationToken);

        Assert.Equal(400, status);
        replies.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task MeetingPackIsOfferedOnlyInPersonalChatToChairsAndDemocraticServices()
    {
        var bed = new SummaryTestBed();
        var offer = new MeetingPackOffer(bed.Snapshots, bed.Packs, bed.Access, bed.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<MeetingPackOffer>.Instance);
        IncomingMessage Message(string aad, bool personal) => new("meeting pack for 9 December", null, new Sender("29:x", aad, null, null), "conv", "act-1", null, personal);

        var chair = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.ChairId, personal: true), TestContext.Current.CancellationToken);
        var inChannel = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.DemocraticServicesId, personal: false), TestContext.Current.CancellationToken);
        var member = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.MemberId, personal: true), TestContext.Current.CancellationToken);
        var other = await offer.TryOfferFromTextAsync(Message(SummaryTestBed.ChairId, personal: true) with { Text = "brief me" }, TestContext.Current.CancellationToken);

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

    [Fact]
    public async Task ProtocolsAnswerReachesTheUploadWithEveryUploadField()
    {
        var upload = new Mock<PprrBot.Summaries.IFileConsentHandler>();
        FileConsentResponse? seen = null;
        upload.Setup(u => u.HandleAsync(It.IsAny<FileConsentResponse>(), It.IsAny<CancellationToken>()))
            .Callback<FileConsentResponse, CancellationToken>((r, _) => seen = r)
            .ReturnsAsync(200);
        var answer = new FileConsentAnswer(
            true,
            Context(),
            new FileUploadInfo("pack.docx", new Uri("https://upload.example/session"), new Uri("https://contoso.sharepoint.com/pack.docx"), "1150D938", "docx"),
            new Sender("29:chair", SummaryTestBed.ChairId, "Chair", "tenant"),
            "conv-chair",
            "card-1");

        await new MeetingPackConsent(upload.Object).HandleAsync(answer, TestContext.Current.CancellationToken);

        Assert.NotNull(seen);
        Assert.True(seen.Accepted);
        Assert.Equal("https://upload.example/session", seen.UploadUrl);
        Assert.Equal("https://contoso.sharepoint.com/pack.docx", seen.ContentUrl);
        Assert.Equal("1150D938", seen.UniqueId);
        Assert.Equal("2020-12-09", seen.Context.GetProperty("meetingDate").GetString());
        Assert.Equal("conv-chair", seen.ConversationId);
    }

    private static FileConsentResponse Accept(string uploadUrl, string aad) => new(
        "accept",
        Context(),
        uploadUrl,
        "https://contoso.sharepoint.com/pack.docx",
        "1150D938",
        "docx",
        "meeting-pack-2020-12-09.docx",
        new Sender("29:chair", aad, "Chair", "tenant"),
        "conv-chair");

    private static JsonElement Context() => JsonDocument.Parse(MeetingPackOffer.Context(SummaryTestBed.Meeting).ToJsonString()).RootElement.Clone();

    private static IHttpClientFactory HttpClients() =>
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
}
