using PprrBot.Data;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;

namespace PprrBot.Conversation;

/// <summary>
/// As soon as a snapshot is there, answers one question from it and readies the connector's clients, sending
/// nothing, on a core the host's own start is not using: the first member's answer then finds the code compiled,
/// the snapshot's catalogue built and the clients' pipelines made, instead of doing it all while they wait
/// (ADR-011; docs/performance.md, "Start to first answer").
/// </summary>
/// <param name="connector">Protocol's, when the host serves (commands such as `ask` answer without one).</param>
internal sealed class AnsweringWarmUp(
    PprrDataReadiness readiness, PprrSnapshotStore store, QuestionAnswerer answerer, ILogger<AnsweringWarmUp> logger, IConnectorClient? connector = null)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await readiness.WhenSnapshotReadyAsync(stoppingToken);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            return; // the data start-up failed and says so itself
        }

        var snapshot = store.Current;
        if (snapshot.Measures.Count > 0)
        {
            _ = answerer.Respond($"what is {snapshot.Measures[0].Code}", snapshot);
            ConversationLog.WarmedUp(logger, snapshot.Measures[0].Code);
        }

        if (connector is ConnectorClient client)
        {
            await client.WarmUpAsync();
        }
    }
}
