using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PprrBot.Conversation;
using PprrBot.Data.ReadModel;

namespace PprrBot.Cli;

/// <summary>
/// `pprrbot ask "question" [--json]`: exactly the pipeline the bot runs, printed as text or as
/// {"intent", "codes", "text", "card"}. Officers use it to check an import; we use it to measure accuracy.
/// </summary>
internal static class AskCommand
{
    public static Command Create(Func<CancellationToken, Task<PprrSnapshot>> loadSnapshot)
    {
        var question = new Argument<string[]>("question") { Description = "The question, as a member would type it.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print {intent, codes, text, card} as JSON." };
        var command = new Command("ask", "Answer a question from the loaded data, as the bot would.") { question, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var text = string.Join(' ', parseResult.GetValue(question) ?? []);
            var snapshot = await loadSnapshot(cancellationToken);
            var answer = new QuestionAnswerer(new QuestionInterpreter()).Respond(text, snapshot);
            Console.Out.WriteLine(parseResult.GetValue(json) ? Json(answer) : answer.Text);
            return 0;
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
        return result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
