using Microsoft.EntityFrameworkCore;
using PprrBot.Data.Outbox;

namespace PprrBot.Data.Tests.Outbox;

public abstract class OutboxStoreTests(TestProvider provider) : DatabaseTests(provider)
{
    private static readonly DateTimeOffset Now = new(2020, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task AddMessagesAsync(int count, DateTimeOffset dueAt)
    {
        await using var db = Database.NewContext();
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                DedupeKey = $"message-{Guid.NewGuid():N}",
                Kind = "send-to-user",
                PayloadJson = "{}",
                CreatedAt = Now,
                DueAt = dueAt,
            });
        }

        await db.SaveChangesAsync(Cancel);
    }

    private async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string instance, DateTimeOffset now, int max = 10)
    {
        await using var db = Database.NewContext();
        return await new OutboxStore(db).ClaimDueAsync(instance, now, max, TimeSpan.FromMinutes(5), Cancel);
    }

    [Fact]
    public async Task ClaimsOnlyDueMessagesOldestFirstUpToTheLimit()
    {
        await AddMessagesAsync(3, Now.AddMinutes(-1));
        await AddMessagesAsync(2, Now.AddMinutes(10));

        var claimed = await ClaimAsync("instance-a", Now, max: 2);

        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, m => Assert.Equal("instance-a", m.LockedBy));
        Assert.All(claimed, m => Assert.Equal(Now.AddMinutes(5), m.LockedUntil));
    }

    [Fact]
    public async Task ClaimedMessageIsNotClaimedAgainUntilItsLeaseExpires()
    {
        await AddMessagesAsync(1, Now);
        await ClaimAsync("instance-a", Now);

        var duringLease = await ClaimAsync("instance-b", Now.AddMinutes(4));
        var afterLease = await ClaimAsync("instance-b", Now.AddMinutes(6));

        Assert.Empty(duringLease);
        Assert.Equal("instance-b", Assert.Single(afterLease).LockedBy);
    }

    [Fact]
    public async Task ConcurrentInstancesNeverClaimTheSameMessage()
    {
        await AddMessagesAsync(40, Now);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => ClaimAsync($"instance-{i}", Now, max: 10), Cancel)));

        var ids = claims.SelectMany(c => c.Select(m => m.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task SentMessageIsNeverClaimedAgain()
    {
        await AddMessagesAsync(1, Now);
        var message = Assert.Single(await ClaimAsync("instance-a", Now));
        await using (var db = Database.NewContext())
        {
            Assert.True(await new OutboxStore(db).MarkSentAsync(message.Id, "instance-a", Now, "activity-1", Cancel));
        }

        var later = await ClaimAsync("instance-a", Now.AddHours(1));

        Assert.Empty(later);
        await using var check = Database.NewContext();
        var stored = await check.OutboxMessages.SingleAsync(Cancel);
        Assert.Equal(Now, stored.SentAt);
        Assert.Equal("activity-1", stored.ResultId);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task FailedMessageIsReleasedAndDueAgainAtItsRetryTime()
    {
        await AddMessagesAsync(1, Now);
        var message = Assert.Single(await ClaimAsync("instance-a", Now));
        await using (var db = Database.NewContext())
        {
            Assert.True(await new OutboxStore(db).MarkFailedAsync(message.Id, "instance-a", "connector returned 503", Now.AddMinutes(2), Cancel));
        }

        var beforeRetry = await ClaimAsync("instance-b", Now.AddMinutes(1));
        var atRetry = await ClaimAsync("instance-b", Now.AddMinutes(2));

        Assert.Empty(beforeRetry);
        var retried = Assert.Single(atRetry);
        Assert.Equal(1, retried.Attempts);
        Assert.Equal("connector returned 503", retried.LastError);
    }

    [Fact]
    public async Task InstanceThatLostItsLeaseCannotMarkTheMessage()
    {
        await AddMessagesAsync(1, Now);
        var message = Assert.Single(await ClaimAsync("instance-a", Now));
        await ClaimAsync("instance-b", Now.AddMinutes(6));

        await using var db = Database.NewContext();
        var marked = await new OutboxStore(db).MarkSentAsync(message.Id, "instance-a", Now.AddMinutes(7), null, Cancel);

        Assert.False(marked);
    }

    [Fact]
    public async Task SameDedupeKeyCannotBeQueuedTwice()
    {
        await using var db = Database.NewContext();
        db.OutboxMessages.Add(new OutboxMessage { DedupeKey = "answer:PQ-0001", Kind = "send", PayloadJson = "{}", CreatedAt = Now, DueAt = Now });
        db.OutboxMessages.Add(new OutboxMessage { DedupeKey = "answer:PQ-0001", Kind = "send", PayloadJson = "{}", CreatedAt = Now, DueAt = Now });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
    }
}

public sealed class OutboxStoreSqliteTests() : OutboxStoreTests(TestProvider.Sqlite);

public sealed class OutboxStorePostgresTests() : OutboxStoreTests(TestProvider.Postgres);
