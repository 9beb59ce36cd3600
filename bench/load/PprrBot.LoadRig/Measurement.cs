using System.Diagnostics;
using System.Net;

namespace PprrBot.LoadRig;

/// <summary>The measurements a load run and a comparison share: start to first answer, and the phases.</summary>
internal static class Measurement
{
    /// <summary>
    /// Warm-up first: every conversation's first message (the bot saves each new conversation reference: a database
    /// write), then <paramref name="warmUp"/> at 10 connections, each returned on its own; the phases after them measure
    /// members asking again, as in a meeting, on a bot that has finished optimising its busiest code. Until then .NET's
    /// tiered compilation is still recompiling it on the same two cores: three 10-connection phases in a row ran at
    /// 3,765, 4,217 and 4,185 answers a second (docs/performance.md, "Load").
    /// </summary>
    public static async Task<(PhaseResult FirstContact, PhaseResult? WarmUp, List<PhaseResult> Phases)> RunAsync(
        Driver driver, BotProcess bot, int[] connectionsList, TimeSpan phase, TimeSpan warmUp, Action<PhaseResult>? progress = null)
    {
        var firstContact = await driver.RunAsync("first contact", bot, 10, TimeSpan.FromSeconds(60), driver.Conversations);
        var warmUpPhase = warmUp > TimeSpan.Zero ? await driver.RunAsync("warm-up", bot, 10, warmUp, 200_000) : null;
        var phases = new List<PhaseResult>();
        foreach (var connections in connectionsList)
        {
            phases.Add(await driver.RunAsync($"{connections} connections", bot, connections, phase, 200_000));
            progress?.Invoke(phases[^1]);
        }

        return (firstContact, warmUpPhase, phases);
    }

    // Start to first answer: ask as soon as the port takes connections; the clock started before the process did.
    public static async Task<(string Line, bool Answered)> FirstAnswerAsync(Driver driver, StandInConnector connector, BotProcess bot)
    {
        using var http = Driver.Client(1);
        for (var attempt = 0; attempt < 600 && !bot.HasExited; attempt++)
        {
            var (status, _, activityId) = await driver.AskAsync(http, 20_000_000 + attempt, CancellationToken.None);
            if (status == HttpStatusCode.Accepted && connector.RepliesTo(activityId) > 0)
            {
                var seconds = Stopwatch.GetElapsedTime(bot.Started).TotalSeconds;
                return ($"Start to first answer: {seconds:N2} s (process start to the reply at the connector); bot CPU by then {bot.CpuTime().TotalSeconds:N2} s, peak RSS {bot.PeakMemoryMb():N0} MB", true);
            }

            await Task.Delay(20);
        }

        return ("Start to first answer: NONE within the limit", false);
    }
}
