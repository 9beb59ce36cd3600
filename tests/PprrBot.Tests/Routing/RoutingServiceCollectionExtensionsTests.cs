using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using PprrBot.Data.Imports;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Tests.Routing;

public sealed class RoutingServiceCollectionExtensionsTests
{
    private static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        var snapshots = new PprrSnapshotStore();
        snapshots.Swap(SampleDataSet.LoadSnapshot(DateTimeOffset.UnixEpoch));
        builder.Services.AddSingleton(snapshots);
        var store = new InMemoryRoutingStore();
        builder.Services.AddSingleton<IRoutingStore>(store);
        builder.Services.AddSingleton<INotificationOutbox>(store);
        builder.Services.AddSingleton(Mock.Of<IRoutingChannel>());
        builder.AddRouting();
        return builder;
    }

    [Fact]
    public async Task RefusesToStartWithAnImpossibleNumberOfClearDays()
    {
        using var host = Builder(("Routing:ClearWorkingDays", "99")).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ClearWorkingDays", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesToStartWithAnOfficerEntryMissingItsId()
    {
        using var host = Builder(("Routing:Officers:0:Role", "Strategy and Performance Manager")).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Officers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvesTheRoutingServiceAndTheCardActionHandler()
    {
        using var host = Builder(("Routing:OneOffBankHolidays:0", "2027-06-07")).Build();
        using var scope = host.Services.CreateScope();

        var handler = scope.ServiceProvider.GetRequiredService<ICardActionHandler>();
        var calendar = scope.ServiceProvider.GetRequiredService<WorkingDayCalendar>();

        Assert.True(handler.Handles(RoutingCards.AnswerVerb));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 6, 7)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2022, 9, 19)));
    }
}
