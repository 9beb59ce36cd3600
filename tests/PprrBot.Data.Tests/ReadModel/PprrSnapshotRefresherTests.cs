using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Data.Tests.Imports;

namespace PprrBot.Data.Tests.ReadModel;

public abstract class PprrSnapshotRefresherTests(TestProvider provider) : DatabaseTests(provider)
{
    private (PprrSnapshotRefresher Refresher, PprrSnapshotStore Store) NewRefresher()
    {
        var services = new ServiceCollection();
        Database.AddTo(services);
        var store = new PprrSnapshotStore();
        var refresher = new PprrSnapshotRefresher(
            services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), store, TimeProvider.System, NullLogger<PprrSnapshotRefresher>.Instance);
        return (refresher, store);
    }

    [Fact]
    public async Task SnapshotIsBuiltFromTheDatabase()
    {
        await using (var db = Database.NewContext())
        {
            await new PprrImporter(db, TimeProvider.System).ImportSampleAsync(Cancel);
        }

        var (refresher, store) = NewRefresher();
        await refresher.RefreshAsync(Cancel);

        Assert.True(store.Current.IsSample);
        Assert.Equal(38, store.Current.Measures.Count);
        Assert.Equal(71.1m, store.Current.Measure("CFE01")!.Current!.Value);
    }

    [Fact]
    public async Task ImportByAnotherProcessIsNoticedByThePollAndSwappedIn()
    {
        await using (var db = Database.NewContext())
        {
            await new PprrImporter(db, TimeProvider.System).ImportSampleAsync(Cancel);
        }

        var (refresher, store) = NewRefresher();
        await refresher.RefreshAsync(Cancel);
        var unchanged = await refresher.RefreshIfChangedAsync(Cancel);

        await using (var other = Database.NewContext())
        {
            await new PprrImporter(other, TimeProvider.System).ImportAsync([SampleFiles.Source("contacts.csv"), SampleFiles.Source("measures.csv")], null, "officer", Cancel);
        }

        var changed = await refresher.RefreshIfChangedAsync(Cancel);

        Assert.False(unchanged);
        Assert.True(changed);
        Assert.False(store.Current.IsSample);
        Assert.Equal("measures.csv", store.Current.LastImport!.FileName);
    }
}

public sealed class PprrSnapshotRefresherSqliteTests() : PprrSnapshotRefresherTests(TestProvider.Sqlite);

public sealed class PprrSnapshotRefresherPostgresTests() : PprrSnapshotRefresherTests(TestProvider.Postgres);
