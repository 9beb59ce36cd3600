using Microsoft.Extensions.DependencyInjection;
using PprrBot.Data.Conversations;

namespace PprrBot.Data.Tests.Conversations;

public abstract class EfConversationReferenceStoreTests(TestProvider provider) : DatabaseTests(provider)
{
    private static readonly DateTimeOffset Now = new(2020, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private EfConversationReferenceStore NewStore()
    {
        var services = new ServiceCollection();
        Database.AddTo(services);
        return new EfConversationReferenceStore(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>());
    }

    private static ConversationReference Personal(string conversationId, string userId, DateTimeOffset updatedAt, string serviceUrl = "https://smba.trafficmanager.net/uk/") => new()
    {
        ConversationId = conversationId,
        ConversationType = "personal",
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        UserId = userId,
        UserAadObjectId = "6f1c1f7e-0000-4000-8000-000000000001",
        UpdatedAt = updatedAt,
    };

    [Fact]
    public async Task SavedReferenceSurvivesANewStoreAsAfterARestart()
    {
        await NewStore().SaveAsync(Personal("a:1", "29:officer", Now), Cancel);

        var found = await NewStore().FindByConversationAsync("a:1", Cancel);

        Assert.Equal("29:officer", found!.UserId);
    }

    [Fact]
    public async Task SavingTheSameConversationAgainUpdatesIt()
    {
        var store = NewStore();
        await store.SaveAsync(Personal("a:1", "29:officer", Now), Cancel);

        await store.SaveAsync(Personal("a:1", "29:officer", Now.AddDays(1), "https://smba.trafficmanager.net/emea/"), Cancel);

        var found = await store.FindByConversationAsync("a:1", Cancel);
        Assert.Equal("https://smba.trafficmanager.net/emea/", found!.ServiceUrl);
        Assert.Equal(Now.AddDays(1), found.UpdatedAt);
    }

    [Fact]
    public async Task PersonalConversationIsFoundByUserIdOrEntraObjectIdLatestFirst()
    {
        var store = NewStore();
        await store.SaveAsync(Personal("a:old", "29:officer", Now), Cancel);
        await store.SaveAsync(Personal("a:new", "29:officer", Now.AddHours(1)), Cancel);

        var byUserId = await store.FindPersonalByUserAsync("29:officer", Cancel);
        var byObjectId = await store.FindPersonalByUserAsync("6F1C1F7E-0000-4000-8000-000000000001", Cancel);

        Assert.Equal("a:new", byUserId!.ConversationId);
        Assert.Equal("a:new", byObjectId!.ConversationId);
    }

    [Fact]
    public async Task RemovedReferenceIsGone()
    {
        var store = NewStore();
        await store.SaveAsync(Personal("a:1", "29:officer", Now), Cancel);

        await store.RemoveAsync("a:1", Cancel);

        Assert.Null(await store.FindByConversationAsync("a:1", Cancel));
    }
}

public sealed class EfConversationReferenceStoreSqliteTests() : EfConversationReferenceStoreTests(TestProvider.Sqlite);

public sealed class EfConversationReferenceStorePostgresTests() : EfConversationReferenceStoreTests(TestProvider.Postgres);
