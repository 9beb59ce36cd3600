using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data;

public static class DataServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPprrData(this IHostApplicationBuilder builder)
    {
        // TEMPORARY: the snapshot comes straight from the embedded sample until storage lands.
        var store = new PprrSnapshotStore();
        store.Swap(SampleDataSet.LoadSnapshot(DateTimeOffset.UtcNow));
        builder.Services.AddSingleton(store);
        return builder;
    }
}
