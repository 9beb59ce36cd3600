using System.Diagnostics;
using System.Net;

namespace PprrBot.LoadRig;

/// <summary>The measurements a load run and a comparison share: start to first answer, and the phases.</summary>
internal static class Measurement
{
    /// <summary>
    /// Warm-up first: every conversation's first message (the bot saves each new conversation reference: a database
    /// write), returned on its own; the phases after it measure members asking again, as in a meeting.
    /// </summary>
    public static async Task<(PhaseResult FirstContact, List<PhaseResult> Phases)> RunAsync(
        Driver driver, BotProcess bot, int[] connectionsList, TimeSpan phase, Action<PhaseResult>? progress = null)
    {
        var firstContact = await driver.RunAsync("first contact", bot, 10, TimeSpan.FromSeconds(60), driver.Conversations);
        var phases = new List<PhaseResult>();
        foreach (var connections in connectionsList)
        {
            phases.Add(await driver.RunAsync($"{connections} connections", bot, connections, phase, 200_000));
            progress?.Invoke(phases[^1]);
        }

        return (firstContact, phases);
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
