using System.Net;
using System.Text.RegularExpressions;

namespace PprrBot.Protocol;

/// <summary>Removes the bot's own @mention from a Teams message (protocol.md §1.6); other people's mentions stay.</summary>
internal static partial class MentionText
{
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        if (botId is not null && activity.Entities is { Count: > 0 } entities)
        {
            foreach (var entity in entities)
            {
                if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                    || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.Ordinal))
                {
                    continue;
                }

                // Identity comes from the entity, never from parsing the text; the text is only what to remove.
                foreach (var form in MentionForms(entity))
                {
                    text = text.Replace(form, " ", StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        return Whitespace().Replace(text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase), " ").Trim();
    }

    private static IEnumerable<string> MentionForms(Entity entity)
    {
        if (!string.IsNullOrEmpty(entity.Text))
        {
            yield return entity.Text;
        }

        if (!string.IsNullOrEmpty(entity.Mentioned?.Name))
        {
            yield return $"<at>{entity.Mentioned.Name}</at>";
            yield return $"<at>{WebUtility.HtmlEncode(entity.Mentioned.Name)}</at>";
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
