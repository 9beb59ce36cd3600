using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace PprrBot.Summaries;

/// <summary>
/// The spoken briefing: the template, or (when configured) a chat model's wording of the same facts, kept only if
/// every figure in it is in the data. A timeout, an error or one invented figure means the template is read.
/// </summary>
internal sealed class BriefingWriter(IOptions<SummariesOptions> options, TimeProvider time, ILogger<BriefingWriter> logger, IChatClient? chat = null)
{
    private const string Instructions =
        "You write a short spoken briefing for the chair of an English council scrutiny committee. Use only the facts given. "
        + "Every figure you write must be copied exactly from the facts, in the same form (for example £2,997,000, £3.00m, 72%). "
        + "Write figures as digits, not words. British English, plain words, no headings or lists, under 180 words. "
        + "Say that the figures are sample data if the facts say so.";

    public async Task<string> WriteAsync(ChairSummary summary, CancellationToken cancellationToken)
    {
        var template = ChairBriefing.Template(summary);
        if (chat is null || !options.Value.UseModelWording)
        {
            return template;
        }

        var facts = ChairBriefing.Facts(summary);
        string wording;
        using (var timeout = new CancellationTokenSource(options.Value.ModelTimeout, time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
        {
            try
            {
                var response = await chat.GetResponseAsync(
                    [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, facts)],
                    new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 400 },
                    linked.Token);
                wording = response.Text.Trim();
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The model is optional: any failure or the timeout means the template, never no briefing.
                SummariesLog.ModelWordingFailed(logger, e);
                return template;
            }
        }

        var unsupported = BriefingFigures.Unsupported(wording, facts + "\n" + template);
        if (wording.Length == 0 || unsupported.Count > 0)
        {
            SummariesLog.ModelWordingRejected(logger, unsupported.Count);
            return template;
        }

        return wording;
    }
}
