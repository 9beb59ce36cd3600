using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using PprrBot.Conversation;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Tests.Summaries;

public sealed class SummariesServiceCollectionExtensionsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        var snapshots = new PprrSnapshotStore();
        snapshots.Swap(SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch));
        builder.Services.AddSingleton(snapshots);
        builder.Services.AddSingleton<IRoutingStore>(new InMemoryRoutingStore());
        builder.Services.AddOptions<RoutingOptions>();
        builder.Services.AddSingleton<RoutingAccess>();
        builder.Services.AddSingleton(Mock.Of<IConversationSender>());
        builder.AddConversation();
        builder.AddSummaries();
        return builder;
    }

    [Fact]
    public async Task ResolvesTheBriefThePackOfferAndTheFileConsentHandler()
    {
        using var host = Builder().Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        using var scope = host.Services.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ChairBriefResponder>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<MeetingPackOffer>());
        Assert.IsType<MeetingPackUpload>(scope.ServiceProvider.GetRequiredService<IFileConsentHandler>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RefusesToStartWithAModelTimeoutOfAnHour()
    {
        using var host = Builder(("SummariesOptions:ModelTimeout", "01:00:00")).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ModelTimeout", error.Message, StringComparison.Ordinal);
    }
}
