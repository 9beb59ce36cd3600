using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PprrBot.Data;
using PprrBot.Data.Sqlite;

namespace PprrBot.Tests.Health;

public sealed class HealthEndpointTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>, IDisposable
{
    private readonly string _databaseFolder = Path.Combine(Path.GetTempPath(), $"pprr-health-{Guid.NewGuid():N}");

    [Fact]
    public async Task HealthzSaysTheDatabaseIsReachableAndTheSampleIsLoaded()
    {
        using var app = factory.WithWebHostBuilder(b => b.UseSetting("Data:SqlitePath", Path.Combine(_databaseFolder, "pprrbot.db")));
        using var client = app.CreateClient();
        await app.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(TestContext.Current.CancellationToken);

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("ok", root.GetProperty("status").GetString());
        Assert.True(root.GetProperty("database").GetProperty("reachable").GetBoolean());
        Assert.Equal("Sqlite", root.GetProperty("database").GetProperty("provider").GetString());
        Assert.True(root.GetProperty("data").GetProperty("loaded").GetBoolean());
        Assert.True(root.GetProperty("data").GetProperty("sample").GetBoolean());
        Assert.Equal(38, root.GetProperty("data").GetProperty("measures").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, root.GetProperty("data").GetProperty("lastImportedAt").ValueKind);
        Assert.True(File.Exists(Path.Combine(_databaseFolder, "pprrbot.db")));
    }

    [Fact]
    public async Task HealthzAnswers503WhenTheDatabaseIsUnreachable()
    {
        using var app = factory.WithWebHostBuilder(b => b
            .UseSetting("Data:Provider", "Postgres")
            .UseSetting("ConnectionStrings:Pprr", "Host=127.0.0.1;Port=1;Timeout=1;Username=nobody")
            .ConfigureTestServices(services =>
            {
                services.Remove(services.Single(s => s.ImplementationType == typeof(PprrDataStartup)));
                services.RemoveAll<PprrDataReadiness>();
                services.AddSingleton(PprrDataReadiness.Ready());
            }));
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("unavailable", json.RootElement.GetProperty("status").GetString());
        Assert.False(json.RootElement.GetProperty("database").GetProperty("reachable").GetBoolean());
    }

    [Fact]
    public async Task HealthzSaysStartingUntilTheDataStartUpHasFinished()
    {
        var gate = new ConnectionGate();
        using var app = factory.WithWebHostBuilder(b => b
            .UseSetting("Data:SqlitePath", Path.Combine(_databaseFolder, "pprrbot.db"))
            .ConfigureTestServices(services => services.ConfigureDbContext<SqlitePprrDbContext>(o => o.AddInterceptors(gate))));
        using var client = app.CreateClient();

        var starting = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        var startingBody = await starting.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        gate.Open();
        await app.Services.GetRequiredService<PprrDataReadiness>().Database.WaitAsync(TestContext.Current.CancellationToken);
        var ready = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Equal("starting", JsonDocument.Parse(startingBody).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_databaseFolder))
        {
            Directory.Delete(_databaseFolder, recursive: true);
        }
    }
}
