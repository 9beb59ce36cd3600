using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PprrBot.Cli;

namespace PprrBot.Tests.Cli;

public sealed class AskCommandTests : IDisposable
{
    private readonly CommandLineRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<int> RunAsync(params string[] args) => _cli.RunAsync(args);

    [Fact]
    public async Task AskWithJsonPrintsOnlyTheAnswerAsJson()
    {
        var exitCode = await RunAsync("ask", "--json", "what is the persistent absence rate for SEN?");

        Assert.Equal(0, exitCode);
        using var answer = JsonDocument.Parse(_cli.Output.ToString());
        Assert.Equal("measure_lookup", answer.RootElement.GetProperty("intent").GetString());
        Assert.Equal(["CFE34", "CFE35"], answer.RootElement.GetProperty("codes").EnumerateArray().Select(c => c.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("AdaptiveCard", answer.RootElement.GetProperty("card").GetProperty("type").GetString());
    }

    [Fact]
    public async Task AskWithoutJsonPrintsTheAnswerAsText()
    {
        var exitCode = await RunAsync("ask", "who", "is", "the", "performance", "officer?");

        Assert.Equal(0, exitCode);
        Assert.Contains("Strategy and Performance Manager", _cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLogsGoToStandardErrorAndOnlyWarnings()
    {
        // `ask --json` is piped into other tools: a log line on standard output would break its JSON.
        using var host = CliHost.CreateBuilder(null).Build();

        var console = host.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value;
        var consoleRules = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules
            .Where(r => r.ProviderName == typeof(ConsoleLoggerProvider).FullName && r.CategoryName is null);

        Assert.Equal(LogLevel.Trace, console.LogToStandardErrorThreshold);
        Assert.Equal(LogLevel.Warning, Assert.Single(consoleRules).LogLevel);
    }
}
