using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PprrBot.Conversation;
using PprrBot.Data;
using PprrBot.Data.ReadModel;

namespace PprrBot.Cli;

/// <summary>
/// `pprrbot ask "question" [--json]`: exactly the pipeline the bot runs, on the same database, printed as
/// text or as {"intent", "codes", "text", "card"}. Officers use it to check an import; we use it to measure accuracy.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Action<HostApplicationBuilder>? configureHost = null)
    {
        var question = new Argument<string[]>("question") { Description = "The question, as a member would type it.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print {intent, codes, text, card} as JSON." };
        var command = new Command("ask", "Answer a question from the loaded data, as the bot would.") { question, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = string.Join(' ', parseResult.GetValue(question) ?? []);
            var builder = CliHost.CreateBuilder(configureHost);
            builder.AddPprrData();
            builder.AddConversation();
            using var host = builder.Build();

            // The same start-up as the service: migrate, load the sample into an empty database, load the snapshot.
            await CliHost.StartWithDataAsync(host, cancellationToken);
            var snapshot = host.Services.GetRequiredService<PprrSnapshotStore>().Current;
            var answer = await host.Services.GetRequiredService<QuestionAnswerer>().RespondAsync(text, snapshot, cancellationToken);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(parseResult.GetValue(json) ? Json(answer) : answer.Text);
            await host.StopAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Json(Answer answer)
    {
        var cards = new JsonArray([.. answer.Messages.Where(m => m.Card is not null).Select(m => m.Card!.DeepClone())]);
        var result = new JsonObject
        {
            ["intent"] = answer.Intent,
            ["codes"] = new JsonArray([.. answer.Codes.Select(c => (JsonNode)c)]),
            ["text"] = answer.Text,
            ["card"] = cards.Count == 1 ? cards[0]!.DeepClone() : cards.Count == 0 ? null : cards,
        };
        return result.ToJsonString(Indented);
    }
}
