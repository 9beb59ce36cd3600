using System.Text.RegularExpressions;

namespace PprrBot.Routing;

/// <summary>What a member wants routed: the question and what it is about.</summary>
/// <param name="OfficerHint">Who the member named ("finance officer"), used as extra words for choosing the officer.</param>
public sealed record RouteStart(string QuestionText, string? MeasureCode = null, string? Period = null, string? Topic = null, string? OfficerHint = null);

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
