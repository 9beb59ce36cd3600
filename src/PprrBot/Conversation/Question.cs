using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;

namespace PprrBot.Conversation;

/// <summary>What a member wants. The names are the ones the question sets and `ask --json` use.</summary>
internal enum Intent
{
    MeasureLookup,
    Trend,
    Comparison,
    Definition,
    RagFilter,
    PrioritySummary,
    ChairBrief,
    Finance,
    Savings,
    ContactLookup,
    RouteQuestion,
    Meeting,
    Help,
    OutOfScope,
}

/// <summary>The report or period a member named, if any. Nothing named means the current position.</summary>
/// <param name="Report">A report name from the data, e.g. "Mid-Year PPRR 2020/21".</param>
/// <param name="Period">A period label from the data, e.g. "2019/20".</param>
/// <param name="PreviousYear">"last year": the period before the current one.</param>
internal sealed record PeriodChoice(string? Report, string? Period, bool PreviousYear)
{
    public static readonly PeriodChoice Current = new(null, null, false);

    public bool IsCurrent => Report is null && Period is null && !PreviousYear;
}

/// <summary>How the interpreter read a question: the intent, what it is about, and how sure it is.</summary>
internal sealed record Question(Intent Intent, string Text)
{
    /// <summary>The measures the answer is about.</summary>
    public IReadOnlyList<MeasureView> Measures { get; init; } = [];

    /// <summary>When two or three measures fit about equally: ask which one (never guess silently).</summary>
    public IReadOnlyList<MeasureView> Alternatives { get; init; } = [];

    /// <summary>When nothing fits: the closest measures to suggest.</summary>
    public IReadOnlyList<MeasureView> Suggestions { get; init; } = [];

    public PeriodChoice Period { get; init; } = PeriodChoice.Current;

    public IReadOnlyList<int> Priorities { get; init; } = [];

    public IReadOnlyList<Rag> Ratings { get; init; } = [];

    public IReadOnlyList<FinanceLine> FinanceLines { get; init; } = [];

    /// <summary>A service named without a line ("the social care budget").</summary>
    public string? FinanceService { get; init; }

    public string? FinancePeriod { get; init; }

    public string? SavingsPeriod { get; init; }

    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>
    /// For meeting questions: the meeting asked about (named by date, month or report, else the next one from today;
    /// the last one when none is ahead). Null only when the data holds no meeting.
    /// </summary>
    public Meeting? Meeting { get; init; }

    /// <summary>For chair briefs: only what changed since the last report.</summary>
    public bool ChangesOnly { get; init; }

    /// <summary>0 to 1: how sure the deterministic reading is. Low values may ask the optional model.</summary>
    public double Confidence { get; init; } = 1.0;

    public bool NeedsClarification => Alternatives.Count > 1;
}
