using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Tests.ReadModel;

public class PprrSnapshotStoreTests
{
    private static readonly PprrSnapshot Full = SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch);

    private static readonly PprrSnapshot PriorityOneOnly = new(
        Full.Priorities.Take(1).Select(p => new Data.Measures.Priority { Id = 1, Number = p.Number, Title = p.Title, Portfolio = p.Portfolio }),
        Full.Priorities[0].Measures.Select(m => m.Measure),
        [], [], Full.Contacts, Full.Meetings, Full.Imports, DateTimeOffset.UnixEpoch.AddDays(1));

    [Fact]
    public async Task ReadersDuringSwapsAlwaysSeeOneWholeSnapshot()
    {
        var store = new PprrSnapshotStore();
        store.Swap(Full);
        var torn = 0;
        var reads = 0;
        using var writerDone = new ManualResetEventSlim();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (!writerDone.IsSet)
            {
                var snapshot = store.Current;
                var expected = ReferenceEquals(snapshot, Full) ? 38 : 5;
                if (snapshot.Measures.Count != expected
                    || snapshot.ByCode.Count != expected
                    || snapshot.Priorities.Sum(p => p.Measures.Count) != expected)
                {
                    Interlocked.Increment(ref torn);
                }

                Interlocked.Increment(ref reads);
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        // Keep swapping until the readers have read many times, so reads and swaps overlap whatever the scheduler does.
        var swaps = 0;
        var readsBefore = Volatile.Read(ref reads);
        do
        {
            store.Swap(swaps++ % 2 == 0 ? PriorityOneOnly : Full);
        }
        while (swaps < 1_000 || Volatile.Read(ref reads) - readsBefore < 20_000);

        writerDone.Set();
        await Task.WhenAll(readers);

        Assert.Equal(0, torn);
        Assert.True(reads - readsBefore >= 20_000);
    }

    [Fact]
    public void ReaderHoldingASnapshotKeepsItsViewAfterASwap()
    {
        var store = new PprrSnapshotStore();
        store.Swap(Full);
        var held = store.Current;

        store.Swap(PriorityOneOnly);

        Assert.Equal(38, held.Measures.Count);
        Assert.Equal(5, store.Current.Measures.Count);
    }

    [Fact]
    public void SwapRaisesSwapped()
    {
        var store = new PprrSnapshotStore();
        var raised = 0;
        store.Swapped += (_, _) => raised++;

        store.Swap(Full);

        Assert.Equal(1, raised);
    }
}
