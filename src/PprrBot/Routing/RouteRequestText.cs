using System.Text.RegularExpressions;

namespace PprrBot.Routing;

/// <summary>What a member wants routed: the question and what it is about.</summary>
/// <param name="OfficerHint">Who the member named ("finance officer"), used as extra words for choosing the officer.</param>
/// <param name="OfficerRole">The officer already chosen (by the reading of a typed question, or a card's button), if any.</param>
public sealed record RouteStart(string QuestionText, string? MeasureCode = null, string? Period = null, string? Topic = null, string? OfficerHint = null, string? OfficerRole = null);

/// <summary>Which list of routed questions a member typed for.</summary>
public enum QuestionListRequest
{
    Mine,
    Meeting,
    Committee,
}

/// <summary>
/// Recognises typed routing requests: "ask the finance officer why placements are overspent",
/// "send this to the performance officer: ...", "I'd like to put a question in advance about ...".
/// </summary>
internal static partial class RouteRequestText
{
    public static RouteStart? TryParse(string text)
    {
        var trimmed = text.Trim();
        if (Directed().Match(trimmed) is { Success: true } directed)
        {
            var question = directed.Groups["q"].Value.Trim();
            return question.Length == 0 ? null : new RouteStart(Sentence(question), OfficerHint: directed.Groups["who"].Value.Trim());
        }

        if (InAdvance().Match(trimmed) is { Success: true } advance && advance.Groups["q"].Value.Trim().Length > 0)
        {
            return new RouteStart(trimmed);
        }

        return null;
    }

    /// <summary>"my questions", "questions for the 9 December meeting", "questions for the committee".</summary>
    public static (QuestionListRequest Kind, int Day, int Month)? TryParseList(string text)
    {
        var trimmed = text.Trim().TrimEnd('?', '.', '!');
        if (MyQuestions().IsMatch(trimmed))
        {
            return (QuestionListRequest.Mine, 0, 0);
        }

        if (MeetingQuestions().Match(trimmed) is { Success: true } meeting
            && DateOnly.TryParseExact($"{meeting.Groups["day"].Value} {meeting.Groups["month"].Value} 2000", "d MMMM yyyy", Cards.UkFormat.Culture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return (QuestionListRequest.Meeting, date.Day, date.Month);
        }

        return CommitteeQuestions().IsMatch(trimmed) ? (QuestionListRequest.Committee, 0, 0) : null;
    }

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|list\s+)?my\s+(?:routed\s+|sent\s+)?questions$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyQuestions();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|list\s+)?(?:the\s+)?questions\s+for\s+the\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]+)\s+meeting$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeetingQuestions();

    [GeneratedRegex(@"^(?:show\s+(?:me\s+)?|list\s+)?(?:the\s+)?questions\s+for\s+(?:the|my)\s+committees?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommitteeQuestions();

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    // Verb, then who ("the finance officer", "the relevant officer", "democratic services"), then the question.
    [GeneratedRegex(
        @"^(?:please\s+)?(?:(?:can|could|would)\s+you\s+)?(?:ask|(?:send|pass|forward|put)(?:\s+(?:this|it|a\s+question|my\s+question)(?:\s+on)?)?\s+to)\s+(?:the\s+)?(?<who>(?:[\p{L}'’]+\s+){0,3}?(?:officer|manager)|democratic\s+services)\b(?:\s+before\s+the\s+meeting)?\s*[:,\-–]?\s*(?<q>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Directed();

    [GeneratedRegex(
        @"^(?:please\s+)?(?:i'?d\s+like\s+to|i\s+want\s+to|can\s+i|could\s+i|i\s+wish\s+to)\s+(?:put|ask|send|raise|submit)\s+(?:a\s+)?question\s+(?:in\s+advance\s+|before\s+the\s+meeting\s+)?(?:about|on|regarding|concerning)\s+(?<q>.+)$",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InAdvance();
}
