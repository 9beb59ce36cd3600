using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PprrBot.Tests.Protocol;

// The endpoint's contract with whatever calls it: 4xx with ProblemDetails for bad bodies (never 5xx), 405 for other
// methods, an answer to the Playground's HEAD probe, and the Development-only bypass.
public class MessagesEndpointTests : IDisposable
{
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    private readonly BotApplicationFactory _local = new("Development", new Dictionary<string, string?>
    {
        ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> MalformedBodies =>
    [
        "this is not json",
        "{\"type\": ",
        "[1, 2, 3]",
        "{\"text\": \"no type\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"conversation\": {\"id\": \"c\"}}",
        "{\"type\": \"\", \"serviceUrl\": \"http://127.0.0.1:9/\", \"conversation\": {\"id\": \"c\"}}",
        "{\"type\": 42}",
        "{\"type\": \"message\", \"timestamp\": \"not a date\"}",
        "{\"type\": \"message\"}",
        "",
    ];

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task AnswersAMalformedBodyWith400AndProblemDetails(string body)
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(BotApplicationFactory.Post(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnswersATooDeeplyNestedBodyWith400()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var deep = new StringBuilder("{\"type\":\"message\",\"value\":");
        deep.Append(string.Concat(Enumerable.Repeat("[", 200))).Append(string.Concat(Enumerable.Repeat("]", 200))).Append('}');

        using var response = await client.SendAsync(BotApplicationFactory.Post(deep.ToString()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnswersABodyOverOneMegabyteWith413AndProblemDetails()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var activity = LocalActivity();
        activity["text"] = new string('x', 1024 * 1024);

        using var response = await client.SendAsync(BotApplicationFactory.Post(activity), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnswersAnOversizedChunkedBodyWith413()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var request = BotApplicationFactory.Post(LocalActivity());
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 1024 * 1024 + 10) + "{}")));
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAChunkedMessageOfManyKilobytesWith202()
    {
        // No Content-Length: the body is read into a buffer that grows as it arrives, and must come out whole.
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var activity = LocalActivity();
        activity["text"] = string.Concat(Enumerable.Repeat("What is the persistent absence rate for SEN? ", 600));
        var request = BotApplicationFactory.Post(activity);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString())));
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAMessageWithUnknownFieldsWith202()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(BotApplicationFactory.Post(LocalActivity()), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AnswersAnAcceptedMessageOffTheRequestPathAsAThreadedReply()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var message = LocalActivity();

        using var response = await client.SendAsync(BotApplicationFactory.Post(message), Ct);
        var sent = await _local.Connector.WaitForSentAsync(1, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(sent);
        Assert.Equal("reply", reply.Operation);
        Assert.Equal(message["id"]?.GetValue<string>(), reply.ActivityId);
        Assert.Equal("http://127.0.0.1:56150/_connector", reply.ServiceUrl);
    }

    [Fact]
    public async Task HandlesACardSubmitBeforeAnswering202SoACrashCannotLoseIt()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var submit = LocalActivity();
        submit.Remove("text");
        submit["value"] = new JsonObject { ["pprr"] = "show", ["code"] = "CFE08" };

        using var response = await client.SendAsync(BotApplicationFactory.Post(submit), Ct);

        // No waiting: the reply was sent before the 202 came back.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reply = Assert.Single(_local.Connector.Sent);
        Assert.Equal(submit["id"]?.GetValue<string>(), reply.ActivityId);
    }

    [Fact]
    public async Task AnswersARedeliveredMessageWith202ButProcessesItOnce()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var first = LocalActivity();
        var later = LocalActivity();

        using var original = await client.SendAsync(BotApplicationFactory.Post(first), Ct);
        using var redelivered = await client.SendAsync(BotApplicationFactory.Post(first), Ct);
        await client.SendAsync(BotApplicationFactory.Post(later), Ct);
        var sent = await _local.Connector.WaitForSentAsync(2, Ct);

        Assert.Equal(HttpStatusCode.Accepted, original.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        Assert.Equal(
            new[] { first["id"]!.GetValue<string>(), later["id"]!.GetValue<string>() }.Order(),
            sent.Select(s => s.ActivityId!).Order());
    }

    [Fact]
    public async Task AnswersAnInvokeInlineWithItsStatusAndBody()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var invoke = LocalActivity("invoke");
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "nobody-handles-this" } };

        using var response = await client.SendAsync(BotApplicationFactory.Post(invoke), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(400, body?["statusCode"]?.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task AnswersAnUnknownInvokeWith501()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);
        var invoke = LocalActivity("invoke");
        invoke["name"] = "task/fetch";

        using var response = await client.SendAsync(BotApplicationFactory.Post(invoke), Ct);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task AnswersThePlaygroundsHeadProbe()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/messages"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task AnswersOtherMethodsWith405(string method)
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task RefusesTheLocalBypassFromANonLoopbackAddress()
    {
        using var client = _local.ClientFrom(Remote);

        using var response = await client.SendAsync(BotApplicationFactory.Post(LocalActivity()), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefusesTheLocalBypassOutsideDevelopmentEvenWithTheFlagSet()
    {
        await using var production = new BotApplicationFactory("Production", new Dictionary<string, string?>
        {
            ["Bot:AppId"] = TestAdapter.BotTestAdapter.AppId,
            ["Bot:TenantId"] = TestAdapter.BotTestAdapter.TenantId,
            ["Bot:AppPassword"] = "not-a-real-secret",
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        });
        using var client = production.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(BotApplicationFactory.Post(LocalActivity()), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RefusesALocalRequestWhoseRepliesWouldLeaveTheMachine()
    {
        using var client = _local.ClientFrom(IPAddress.Loopback);

        using var response = await client.SendAsync(BotApplicationFactory.Post(BotApplicationFactory.Activity()), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void RefusesToStartInProductionWithoutAnAppIdAndSaysWhatToSet()
    {
        using var production = new BotApplicationFactory("Production", new Dictionary<string, string?>
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
        });

        var failure = Assert.ThrowsAny<Exception>(() => production.CreateClient());

        Assert.Contains("Bot:AppId", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Bot:TenantId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersWith503AndRetryAfterWhenTheQueueIsFullAndTakesTheRetryLater()
    {
        await using var busy = new BotApplicationFactory(
            "Development",
            new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedLocalRequests"] = "true", ["Bot:QueueCapacity"] = "1" },
            services => services.RemoveAll<IHostedService>());
        using var client = busy.ClientFrom(IPAddress.Loopback);
        var waiting = LocalActivity();
        var refused = LocalActivity();
        await client.SendAsync(BotApplicationFactory.Post(waiting), Ct);

        using var full = await client.SendAsync(BotApplicationFactory.Post(refused), Ct);
        using var retried = await client.SendAsync(BotApplicationFactory.Post(refused), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Equal("application/problem+json", full.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, retried.StatusCode);
    }

    public void Dispose() => _local.Dispose();

    private static JsonObject LocalActivity(string type = "message") =>
        BotApplicationFactory.Activity(type, serviceUrl: "http://127.0.0.1:56150/_connector");
}
