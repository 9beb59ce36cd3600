using Microsoft.Extensions.Options;
using PprrBot.Protocol;

namespace PprrBot.Tests.Protocol;

// Counting, not timing: a burst gets exactly Teams' per-second allowance, per conversation.
public class ConversationRateLimiterTests
{
    [Fact]
    public void AllowsSevenSendsAtOnceAndHoldsTheEighth()
    {
        using var limiter = new ConversationRateLimiter();

        var granted = Enumerable.Range(0, 8).Select(_ => limiter.TryAcquireNow("a:conversation-1")).ToList();

        Assert.Equal(7, granted.Count(g => g));
        Assert.False(granted[^1]);
    }

    [Fact]
    public async Task SendsAHeldMessageOnceTheWindowMovesOn()
    {
        using var limiter = new ConversationRateLimiter([(1, TimeSpan.FromMilliseconds(200))], appLimitPerSecond: 1000);
        using var first = await limiter.AcquireAsync("a:1", TestContext.Current.CancellationToken);

        using var waitLimit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        waitLimit.CancelAfter(TimeSpan.FromSeconds(30));
        using var second = await limiter.AcquireAsync("a:1", waitLimit.Token);

        Assert.True(second.IsAcquired);
    }

    [Fact]
    public void KeepsEachConversationsAllowanceSeparate()
    {
        using var limiter = new ConversationRateLimiter();
        for (var i = 0; i < 7; i++)
        {
            limiter.TryAcquireNow("a:busy");
        }

        var otherConversation = limiter.TryAcquireNow("a:quiet");

        Assert.True(otherConversation);
    }

    [Fact]
    public void HoldsThirtySendsASecondAcrossAllConversations()
    {
        using var limiter = new ConversationRateLimiter();

        var granted = Enumerable.Range(0, 40).Count(i => limiter.TryAcquireNow($"a:conversation-{i}"));

        Assert.Equal(30, granted);
    }

    [Fact]
    public void TakesTheAppWideLimitFromBotOptions()
    {
        using var limiter = new ConversationRateLimiter(Options.Create(new BotOptions { AppSendLimitPerSecond = 100 }));

        var granted = Enumerable.Range(0, 120).Count(i => limiter.TryAcquireNow($"a:conversation-{i}"));

        Assert.Equal(100, granted);
    }

    [Fact]
    public void HoldsEveryWindowNotOnlyTheShortest()
    {
        using var limiter = new ConversationRateLimiter([(7, TimeSpan.FromHours(1)), (3, TimeSpan.FromHours(2))]);

        var granted = Enumerable.Range(0, 5).Count(_ => limiter.TryAcquireNow("a:conversation-1"));

        Assert.Equal(3, granted);
    }

    [Fact]
    public void UsesTeamsPublishedPerConversationLimits()
    {
        var limits = ConversationRateLimiter.TeamsLimits;

        Assert.Equal(
            [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))],
            limits);
    }
}
