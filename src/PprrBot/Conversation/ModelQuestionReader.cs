using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using PprrBot.Data.ReadModel;

namespace PprrBot.Conversation;

/// <summary>What the model may say: an intent name and measure codes, nothing else.</summary>
internal sealed record ModelReading(string Intent, IReadOnlyList<string> Codes);

/// <summary>
/// Asks the optional chat model to pick the intent and measures when the deterministic reading is unsure.
/// The model chooses from a list we give it; its choice is checked against the catalogue; anything else,
/// an error or a timeout, and the deterministic reading stands.
/// </summary>
internal sealed class ModelQuestionReader(IChatClient chat, IOptions<AiOptions> options, TimeProvider time, ILogger<ModelQuestionReader> logger)
{
    private const int MaximumCandidates = 40;

    private static readonly Dictionary<string, Intent> MeasureIntents = new(StringComparer.OrdinalIgnoreCase)
    {
        ["measure_lookup"] = Intent.MeasureLookup,
        ["trend"] = Intent.Trend,
        ["comparison"] = Intent.Comparison,
        ["definition"] = Intent.Definition,
    };

    /// <summary>Only readings that are unsure go to the model: a did-you-mean, a near miss, a weak match.</summary>
    public static bool ShouldConsult(Question question) =>
        question.NeedsClarification
        || (question.Intent == Intent.OutOfScope && question.Suggestions.Count > 0)
        || (MeasureIntents.ContainsValue(question.Intent) && question.Confidence < 0.4);

    public async Task<Question?> ReadAsync(Question question, PprrSnapshot snapshot, IReadOnlyList<MeasureView> candidates, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.TimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var catalogue = candidates.Count > 0 ? candidates.Take(MaximumCandidates).ToList() : snapshot.Measures.Take(MaximumCandidates).ToList();
        try
        {
            var response = await chat.GetResponseAsync<ModelReading>(
                [new ChatMessage(ChatRole.System, Instructions(catalogue)), new ChatMessage(ChatRole.User, question.Text)],
                new ChatOptions { Temperature = 0 },
                cancellationToken: linked.Token);

            if (!response.TryGetResult(out var reading) || reading is null)
            {
                ConversationLog.ModelIgnored(logger, "no structured answer");
                return null;
            }

            return Check(reading, question, snapshot);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            ConversationLog.ModelIgnored(logger, "timed out");
            return null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or InvalidOperationException or System.ClientModel.ClientResultException)
        {
            ConversationLog.ModelFailed(logger, exception);
            return null;
        }
    }

    /// <summary>The model's choice stands only if every code is in the catalogue and the intent is one we answer from measures.</summary>
    private Question? Check(ModelReading reading, Question question, PprrSnapshot snapshot)
    {
        if (string.Equals(reading.Intent, "out_of_scope", StringComparison.OrdinalIgnoreCase))
        {
            return question with { Intent = Intent.OutOfScope, Alternatives = [], Measures = [] };
        }

        if (!MeasureIntents.TryGetValue(reading.Intent ?? "", out var intent))
        {
            ConversationLog.ModelIgnored(logger, "intent not allowed");
            return null;
        }

        var measures = (reading.Codes ?? []).Select(c => snapshot.Measure(c.Trim())).ToList();
        if (measures.Count is 0 or > 4 || measures.Any(m => m is null))
        {
            ConversationLog.ModelIgnored(logger, "codes not in the catalogue");
            return null;
        }

        return question with { Intent = intent, Measures = measures.Distinct().ToList()!, Alternatives = [], Suggestions = [], Confidence = 0.7 };
    }

    private static string Instructions(IReadOnlyList<MeasureView> catalogue)
    {
        var text = new StringBuilder();
        text.AppendLine("You read a councillor's question about a council's performance report and say what it asks for.");
        text.AppendLine("Answer with JSON only: {\"intent\": one of measure_lookup, trend, comparison, definition, out_of_scope; \"codes\": the codes of the measures it is about, from the list below only, at most 4}.");
        text.AppendLine("trend = direction over time; comparison = against England, the North West or statistical neighbours; definition = what a measure means.");
        text.AppendLine("If no measure below fits, answer out_of_scope with no codes. Never invent a code and never give a number.");
        text.AppendLine("Measures:");
        foreach (var measure in catalogue)
        {
            text.Append(measure.Code).Append(": ").Append(measure.Name).Append(" (").Append(measure.Priority.Label).AppendLine(")");
        }

        return text.ToString();
    }
}
