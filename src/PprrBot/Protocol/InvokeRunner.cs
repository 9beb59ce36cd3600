namespace PprrBot.Protocol;

/// <summary>
/// Runs each invoke once. Teams re-sends an invoke it thinks timed out (protocol.md §1.7), often while the first is
/// still running: the retry waits for, and answers with, the first one's result instead of pressing the button twice.
/// </summary>
internal sealed class InvokeRunner(TurnHandler turns, RedeliveryFilter redelivery, IHostApplicationLifetime lifetime)
{
    public Task<InvokeResponse> InvokeOnceAsync(Activity activity) =>
        activity.Id is { Length: > 0 } id
            ? redelivery.Remember($"invoke|{activity.Conversation?.Id}|{id}", () => Task.Run(() => RunAsync(activity))).Value
            : RunAsync(activity);

    // The application's lifetime, not the request's: if Teams gives up on the first request, the work still finishes
    // and its retry gets the answer.
    private Task<InvokeResponse> RunAsync(Activity activity) => turns.InvokeAsync(activity, lifetime.ApplicationStopping);
}
