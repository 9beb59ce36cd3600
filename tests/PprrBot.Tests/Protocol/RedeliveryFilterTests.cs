using Microsoft.Extensions.Time.Testing;
using PprrBot.Protocol;

namespace PprrBot.Tests.Protocol;

public class RedeliveryFilterTests
{
    [Fact]
    public void RecognisesARepeatWithinTenMinutes()
    {
        var time = new FakeTimeProvider();
        var filter = new RedeliveryFilter(time, RedeliveryFilter.DefaultWindow, 100);
        filter.TryFirstSighting("conv|1");
        time.Advance(TimeSpan.FromMinutes(9));

        var first = filter.TryFirstSighting("conv|1");

        Assert.False(first);
    }

    [Fact]
    public void AcceptsTheSameIdAgainAfterTenMinutes()
    {
        var time = new FakeTimeProvider();
        var filter = new RedeliveryFilter(time, RedeliveryFilter.DefaultWindow, 100);
        filter.TryFirstSighting("conv|1");
        time.Advance(TimeSpan.FromMinutes(10));

        var first = filter.TryFirstSighting("conv|1");

        Assert.True(first);
    }

    [Fact]
    public void ForgetsTheOldestKeysBeyondItsCapacity()
    {
        var filter = new RedeliveryFilter(new FakeTimeProvider(), RedeliveryFilter.DefaultWindow, 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            filter.TryFirstSighting(key);
        }

        var oldestForgotten = filter.TryFirstSighting("a");
        var newestRemembered = filter.TryFirstSighting("d");

        Assert.True(oldestForgotten);
        Assert.False(newestRemembered);
    }

    [Fact]
    public void TellsApartActivitiesWhoseLongKeysDifferOnlyAtTheEnd()
    {
        var filter = new RedeliveryFilter(new FakeTimeProvider(), RedeliveryFilter.DefaultWindow, 100);
        var conversation = "a:1" + new string('x', 140);
        filter.TryFirstSighting(conversation + "|1669000000001");

        var next = filter.TryFirstSighting(conversation + "|1669000000002");
        var repeat = filter.TryFirstSighting(conversation + "|1669000000001");

        Assert.True(next);
        Assert.False(repeat);
    }

    [Fact]
    public void AcceptsAnActivityAgainAfterItWasForgotten()
    {
        var filter = new RedeliveryFilter(new FakeTimeProvider(), RedeliveryFilter.DefaultWindow, 100);
        filter.TryFirstSighting("conv|1");
        filter.Forget("conv|1");

        var first = filter.TryFirstSighting("conv|1");

        Assert.True(first);
    }
}
