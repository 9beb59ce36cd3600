using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Tests.Conversation;

public class ModelQuestionReaderTests
{
    private static readonly PprrSnapshot Snapshot = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task UsesTheModelsChoiceWhenTheReadingIsUnsureAndEveryCodeIsInTheCatalogue()
    {
        // Three measures fit "good or outstanding" equally: early years settings, primary and secondary schools.
        var chat = ChatReplying("""{"intent":"trend","codes":["CFE06","CFE07"]}""");
        var answerer = Answerer(chat.Object);

        var answer = await answerer.RespondAsync("good or outstanding", Snapshot, TestContext.Current.CancellationToken);

        Assert.Equal("trend", answer.Intent);
        Assert.Equal(["CFE06", "CFE07"], answer.Codes);
        chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task IgnoresAModelAnswerThatNamesACodeNotInTheCatalogue()
    {
        var chat = ChatReplying("""{"intent":"measure_lookup","codes":["CFE99"]}""");
        var question = Unsure();
        var reader = Reader(chat.Object);

        var result = await reader.ReadAsync(question, Snapshot, question.Alternatives, TestContext.Current.CancellationToken);

        Assert.Null(result);
    }

    [Fact]
    public async Task IgnoresAModelAnswerWithAnIntentItMayNotChoose()
    {
        var chat = ChatReplying("""{"intent":"finance","codes":["CFE08"]}""");
        var question = Unsure();

        var result = await Reader(chat.Object).ReadAsync(question, Snapshot, question.Alternatives, TestContext.Current.CancellationToken);

        Assert.Null(result);
    }

    [Fact]
    public async Task FallsBackToTheDeterministicReadingWhenTheModelTakesLongerThanTheTimeout()
    {
        var time = new FakeTimeProvider();
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (IEnumerable<ChatMessage> _, ChatOptions? _, CancellationToken token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return new ChatResponse();
            });
        var question = Unsure();
        var reader = Reader(chat.Object, time);

        var reading = reader.ReadAsync(question, Snapshot, question.Alternatives, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(2.5));

        Assert.Null(await reading);
    }

    [Fact]
    public async Task FallsBackToTheDeterministicReadingWhenTheModelFails()
    {
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("service unavailable"));
        var answerer = Answerer(chat.Object);

        var answer = await answerer.RespondAsync(Unsure().Text, Snapshot, TestContext.Current.CancellationToken);

        Assert.Equal(Answerer(null).Respond(Unsure().Text, Snapshot).Codes, answer.Codes);
    }

    [Fact]
    public async Task NeverAsksTheModelWhenTheReadingIsSure()
    {
        var chat = ChatReplying("""{"intent":"measure_lookup","codes":["CFE01"]}""");

        var answer = await Answerer(chat.Object).RespondAsync("What is the persistent absence rate for SEN?", Snapshot, TestContext.Current.CancellationToken);

        Assert.Equal(["CFE34", "CFE35"], answer.Codes);
        chat.Verify(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReachesAzureOpenAIThroughTheRealClientAndReadsItsStructuredAnswer()
    {
        using var listener = new HttpListener();
        var port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = ServeOneChatCompletion(listener, """{"intent":"comparison","codes":["CFE20"]}""");
        var chat = ConversationServiceCollectionExtensions.ChatClient(new AiOptions { Endpoint = $"http://127.0.0.1:{port}/", Deployment = "pprr", ApiKey = "test-key" });
        var question = Unsure();

        var result = await Reader(chat).ReadAsync(question, Snapshot, question.Alternatives, TestContext.Current.CancellationToken);

        var request = await served;
        Assert.Contains("/openai/deployments/pprr/chat/completions", request.Path, StringComparison.Ordinal);
        Assert.Equal("test-key", request.ApiKey);
        Assert.NotNull(result);
        Assert.Equal(Intent.Comparison, result.Intent);
        Assert.Equal("CFE20", Assert.Single(result.Measures).Code);
    }

    private static Question Unsure() =>
        new(Intent.MeasureLookup, "absence please") { Alternatives = [Snapshot.Measure("CFE08")!, Snapshot.Measure("CFE09")!], Confidence = 0.5 };

    private static Mock<IChatClient> ChatReplying(string json)
    {
        var chat = new Mock<IChatClient>();
        chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChatResponse(new ChatMessage(ChatRole.Assistant, json)));
        return chat;
    }

    private static ModelQuestionReader Reader(IChatClient chat, TimeProvider? time = null) =>
        new(chat, Options.Create(new AiOptions { Endpoint = "https://example.invalid/", Deployment = "d" }), time ?? TimeProvider.System, NullLogger<ModelQuestionReader>.Instance);

    private static QuestionAnswerer Answerer(IChatClient? chat) =>
        new(new QuestionInterpreter(), chat is null ? null : Reader(chat));

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static async Task<(string Path, string? ApiKey)> ServeOneChatCompletion(HttpListener listener, string content)
    {
        var context = await listener.GetContextAsync();
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["created"] = 1700000000,
            ["model"] = "gpt-4o",
            ["choices"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = "stop",
                ["message"] = new System.Text.Json.Nodes.JsonObject { ["role"] = "assistant", ["content"] = content },
            }),
            ["usage"] = new System.Text.Json.Nodes.JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
        }.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return (context.Request.Url!.AbsolutePath, context.Request.Headers["api-key"]);
    }
}
