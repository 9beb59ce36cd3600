using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PprrBot.Cards;
using PprrBot.Data.Contacts;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;

namespace PprrBot.Summaries;

/// <summary>
/// "meeting pack" (optionally "meeting pack for 9 December"): in a 1:1 chat, a chair or Democratic Services gets the
/// Word document offered through Teams' file consent card; anywhere else the bot says where to get it.
/// </summary>
internal sealed partial class MeetingPackOffer(
    PprrSnapshotStore snapshots,
    MeetingPackBuilder builder,
    RoutingAccess access,
    TimeProvider time,
    ILogger<MeetingPackOffer> logger)
{
    public const string ContextKind = "meetingPack";

    /// <summary>The offer or an explanation; null when the text is not a request for the pack.</summary>
    public async ValueTask<BotMessage?> TryOfferFromTextAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (Request().Match(message.Text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var snapshot = snapshots.Current;
        if (!message.IsPersonalChat)
        {
            return BotMessage.Plain(
                $"Teams only lets me send files in a 1:1 chat, so message me directly and type \"meeting pack\". {WhereToGetIt(snapshot)}");
        }

        if (!MayHavePack(access, message.From))
        {
            return BotMessage.Plain($"The meeting pack is prepared for the committee's chair and Democratic Services. {WhereToGetIt(snapshot)}");
        }

        var meeting = ChooseMeeting(snapshot, match);
        if (meeting is null)
        {
            return BotMessage.Plain("I don't know of a meeting on that date, so I can't prepare its pack.");
        }

        if (await builder.BuildAsync(snapshot, meeting.Date, cancellationToken) is not MeetingPackOutcome.Ready ready)
        {
            return BotMessage.Plain("I don't know of a meeting on that date, so I can't prepare its pack.");
        }

        var bytes = MeetingPackBuilder.Render(ready.Pack);
        SummariesLog.PackOffered(logger, meeting.Date, message.ConversationId, bytes.Length);
        var offer = new FileOffer(
            ready.Pack.FileName,
            $"Questions and answers, exception summary and sources for the {meeting.Committee} on {UkFormat.Date(meeting.Date)}.",
            bytes.Length,
            Context(meeting.Date));
        return new BotMessage($"Here is the meeting pack for {UkFormat.Date(meeting.Date)} ({ready.Pack.Questions.Count} questions). Choose Allow and I'll save it to your OneDrive.")
        {
            File = offer,
        };
    }

    /// <summary>The context Teams hands back with the answer: which pack was offered.</summary>
    public static JsonObject Context(DateOnly meetingDate) => new()
    {
        ["kind"] = ContextKind,
        ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>Chairs and Democratic Services (RoutingOptions) may have the pack.</summary>
    public static bool MayHavePack(RoutingAccess access, Sender sender) =>
        access.IsDemocraticServices(sender) || access.CommitteesChairedBy(sender).Count > 0;

    private Meeting? ChooseMeeting(PprrSnapshot snapshot, Match match)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), UkTimeZone).DateTime);
        if (!match.Groups["day"].Success)
        {
            return ChairSummaryBuilder.MeetingFor(snapshot, null, today);
        }

        if (!DateOnly.TryParseExact($"{match.Groups["day"].Value} {match.Groups["month"].Value} 2000", "d MMMM yyyy", UkFormat.Culture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : (int?)null;
        var candidates = snapshot.Meetings.Where(m => m.Date.Day == date.Day && m.Date.Month == date.Month && (year is null || m.Date.Year == year)).ToList();
        return candidates.Where(m => m.Date >= today).MinBy(m => m.Date) ?? candidates.MaxBy(m => m.Date);
    }

    private static string WhereToGetIt(PprrSnapshot snapshot)
    {
        var ds = snapshot.ContactForRole(Contact.DemocraticServicesRole);
        var contact = ds?.Email is { Length: > 0 } email ? $"Democratic Services ({email})" : "Democratic Services";
        return $"{contact} publish the questions and answers with the meeting papers, and officers can write it with \"pprrbot pack --meeting <date>\".";
    }

    private static readonly TimeZoneInfo UkTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [GeneratedRegex(
        @"^(?:please\s+)?(?:(?:can|could)\s+(?:i|you)\s+(?:have|get|send\s+me)\s+|send\s+(?:me\s+)?|get\s+|give\s+me\s+)?(?:the\s+|a\s+)?(?:meeting|q\s*&\s*a|questions?\s+and\s+answers?)\s+pack(?:\s+for\s+(?:the\s+)?(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]+)(?:\s+(?<year>\d{4}))?(?:\s+meeting)?)?(?:\s+please)?[\s?.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
