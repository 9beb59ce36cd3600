using PprrBot.Cards;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.ReadModel;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Summaries;

namespace PprrBot.Conversation;

/// <summary>What the bot says to a question: the reading, the cards, and the plain text behind them.</summary>
internal sealed record Answer(Question Question, IReadOnlyList<BotMessage> Messages)
{
    public string Intent => QuestionCodes.Name(Question.Intent);

    public IReadOnlyList<string> Codes => QuestionCodes.For(Question);

    /// <summary>The answer as plain text: each card's fallback text, or the message text.</summary>
    public string Text => string.Join("\n\n", Messages.Select(m => m.FallbackText ?? m.Text ?? ""));
}

/// <summary>
/// Turns a reading of a question into cards. It decides which row to show (the current position unless the
/// member named a report or period, per the data's rules) and leaves the wording to Cards/.
/// </summary>
/// <param name="deadlines">Routing's deadline calculator, for meeting questions; the default options when routing is not registered.</param>
internal sealed class QuestionAnswerer(QuestionInterpreter interpreter, ModelQuestionReader? model = null, DeadlineCalculator? deadlines = null)
{
    private static readonly DeadlineCalculator DefaultDeadlines = DeadlineCalculator.WithDefaults(TimeProvider.System);

    private readonly ComposedAnswers _composed = new();

    /// <summary>The deterministic answer only (no model): for tools and benchmarks.</summary>
    public Answer Respond(string text, PprrSnapshot snapshot) => AnswerTo(Read(text, snapshot), snapshot);

    /// <summary>The bot's answer: the deterministic reading, helped by the optional model when it is unsure.</summary>
    public async ValueTask<Answer> RespondAsync(string text, PprrSnapshot snapshot, CancellationToken cancellationToken) =>
        AnswerTo(await ReadAsync(text, snapshot, cancellationToken), snapshot);

    /// <summary>The deterministic reading of a question (no model).</summary>
    public Question Read(string text, PprrSnapshot snapshot) => interpreter.Interpret(text, snapshot);

    /// <summary>The reading the bot answers: the deterministic one, helped by the optional model when it is unsure.</summary>
    public async ValueTask<Question> ReadAsync(string text, PprrSnapshot snapshot, CancellationToken cancellationToken)
    {
        var question = Read(text, snapshot);
        if (model is not null && ModelQuestionReader.ShouldConsult(question))
        {
            var candidates = question.Alternatives.Concat(question.Suggestions).Concat(question.Measures).Distinct().ToList();
            question = await model.ReadAsync(question, snapshot, candidates, cancellationToken) ?? question;
        }

        return question;
    }

    /// <summary>
    /// The cards for a reading: composed as <see cref="Compose"/> does, and remembered for the snapshot when they show
    /// nothing but the reading (<see cref="ComposedAnswers"/>), so the next member asking the same thing gets them ready.
    /// </summary>
    public Answer AnswerTo(Question question, PprrSnapshot snapshot) =>
        new(question, _composed.GetOrCompose(question, snapshot, deadlines, static (q, s, d) => Compose(q, s, d).Messages));

    /// <summary>
    /// True when <see cref="Compose"/> makes the cards from the reading and the snapshot alone, so they may be remembered
    /// (<see cref="ComposedAnswers"/>). Not when they quote the member's words (did you mean, no match, and a lookup none
    /// of whose measures has a row to show) or depend on today (meetings, the chair's brief). Kept beside Compose: a new
    /// card that shows either must be named here.
    /// </summary>
    internal static bool ComposedFromReadingAlone(Question question)
    {
        var quotesWords = question.NeedsClarification || question.Alternatives.Count > 0 || question.Suggestions.Count > 0
            || (question.Intent is Intent.MeasureLookup or Intent.Trend or Intent.Comparison or Intent.Definition && question.Measures.Count == 0)
            || (question.Intent == Intent.MeasureLookup && !question.Measures.Any(m => Row(m, question.Period) is not null));
        return !quotesWords && question.Intent is not (Intent.Meeting or Intent.ChairBrief);
    }

    public static Answer Compose(Question question, PprrSnapshot snapshot, DeadlineCalculator? deadlines = null)
    {
        IReadOnlyList<BotMessage> messages = question.Intent switch
        {
            _ when question.NeedsClarification => [SuggestionCards.DidYouMean(snapshot, question.Text, question.Alternatives)],
            Intent.MeasureLookup or Intent.Trend or Intent.Comparison or Intent.Definition when question.Measures.Count == 0 =>
                [SuggestionCards.NoMatch(snapshot, question.Text, question.Suggestions)],
            Intent.MeasureLookup => MeasureCards(question, snapshot),
            Intent.Trend => [.. question.Measures.Select(m => TrendCard.Build(snapshot, m))],
            Intent.Comparison => [.. question.Measures.Select(m => ComparisonCard.Build(snapshot, m, ComparisonRow(m, question.Period)))],
            Intent.Definition => [.. question.Measures.Select(m => DefinitionCard.Build(snapshot, m))],
            Intent.RagFilter => [RagList(question, snapshot)],
            Intent.PrioritySummary => [.. question.Priorities.Select(p => PriorityList(p, question.Period, snapshot))],
            Intent.ChairBrief => ChairBriefs.Answer(question, snapshot),
            Intent.Finance => [FinanceCard.Build(snapshot, question.FinancePeriod ?? "", question.FinanceLines)],
            Intent.Savings => [SavingsCard.Build(snapshot, question.SavingsPeriod ?? "", SavingsFor(question, snapshot))],
            Intent.ContactLookup or Intent.RouteQuestion when question.Contacts.Count > 0 => [ContactCard.Build(snapshot, question.Contacts)],
            // "Phone number?" with no one named or implied: everyone to contact, rather than a guess at one of them.
            Intent.ContactLookup when snapshot.Contacts.Count > 0 => [ContactCard.Build(snapshot, snapshot.Contacts)],
            Intent.Meeting => [MeetingAnswer(question, snapshot, deadlines ?? DefaultDeadlines)],
            Intent.Help => [HelpCard.Build(snapshot.PortfolioName)],
            _ when question.Suggestions.Count > 0 => [SuggestionCards.NoMatch(snapshot, question.Text, question.Suggestions)],
            _ => [HelpCard.OutOfScope(snapshot.PortfolioName)],
        };

        return new Answer(question, messages);
    }

    /// <summary>
    /// The row to show: a named period's row, a named report's headline row, the year before the current one,
    /// or (by default) the current position: the latest row with a value. The card itself says when a later
    /// period has no figure.
    /// </summary>
    public static MeasureResult? Row(MeasureView measure, PeriodChoice period)
    {
        var current = measure.Current ?? measure.Latest;
        if (period.Period is not null)
        {
            return measure.ForPeriod(period.Period) ?? current;
        }

        if (period.Report is not null)
        {
            return measure.HeadlineFor(period.Report) ?? current;
        }

        if (period.PreviousYear && current is not null)
        {
            return measure.Before(current) ?? current;
        }

        return current;
    }

    private static BotMessage MeetingAnswer(Question question, PprrSnapshot snapshot, DeadlineCalculator deadlines)
    {
        var today = deadlines.UkToday();
        if (question.Meeting is not { } meeting)
        {
            return MeetingCard.Build(snapshot, null, new MeetingDeadline(today, today));
        }

        // The meeting a question sent today would be dated for, exactly as routing dates it.
        var sentNow = deadlines.Calculate(snapshot.Meetings, meeting.Committee, report: null).Meeting;
        return MeetingCard.Build(snapshot, meeting, new MeetingDeadline(deadlines.AnswerByFor(meeting.Date), today, sentNow));
    }

    private static List<BotMessage> MeasureCards(Question question, PprrSnapshot snapshot)
    {
        var selections = question.Measures
            .Select(m => (Measure: m, Row: Row(m, question.Period)))
            .Where(x => x.Row is not null)
            .Select(x => new MeasureSelection(x.Measure, x.Row!))
            .ToList();

        return selections.Count == 0
            ? [SuggestionCards.NoMatch(snapshot, question.Text, question.Measures)]
            : [.. selections.Chunk(MeasureCard.MaxSections).Select(chunk => MeasureCard.Build(snapshot, chunk))];
    }

    /// <summary>For a comparison, the row asked for if it has benchmarks; else the latest row that has them.</summary>
    private static MeasureResult ComparisonRow(MeasureView measure, PeriodChoice period)
    {
        var row = Row(measure, period);
        if (row is { England: not null })
        {
            return row;
        }

        return measure.Results.LastOrDefault(r => r.Value is not null && r.England is not null) ?? row ?? measure.Results[^1];
    }

    private static BotMessage RagList(Question question, PprrSnapshot snapshot)
    {
        var rows = Rows(question.Priorities, question.Period, snapshot, row => row.ReportedRag is { } rag && question.Ratings.Contains(rag));
        var ratings = string.Join(" or ", question.Ratings.Select(r => r.ToString()));
        var scope = question.Priorities.Count == snapshot.Priorities.Count ? "the portfolio" : PriorityWords(question.Priorities);
        var when = question.Period.Report ?? question.Period.Period ?? "current position";
        var title = $"{ratings} measures in {scope} ({when})";
        return ListCard.Build(snapshot, title, rows, $"No measure in {scope} is rated {ratings} ({when}).");
    }

    private static BotMessage PriorityList(int priority, PeriodChoice period, PprrSnapshot snapshot)
    {
        var view = snapshot.Priorities.First(p => p.Number == priority);
        var when = period.Report ?? period.Period ?? "current position";
        return ListCard.Build(snapshot, $"{view.Label}: {view.Title} ({when})", Rows([priority], period, snapshot));
    }

    /// <summary>The row to show for each measure of the priorities, keeping only the rows <paramref name="keep"/> accepts.</summary>
    private static List<MeasureSelection> Rows(IReadOnlyList<int> priorities, PeriodChoice period, PprrSnapshot snapshot, Func<MeasureResult, bool>? keep = null)
    {
        // A loop, not a LINQ chain: on a large catalogue a list of Red measures walks thousands of rows and keeps a few.
        var rows = new List<MeasureSelection>();
        foreach (var priority in snapshot.Priorities)
        {
            if (!priorities.Contains(priority.Number))
            {
                continue;
            }

            foreach (var measure in priority.Measures)
            {
                var row = period.Report is not null ? measure.HeadlineFor(period.Report) : Row(measure, period);
                if (row is not null && (keep is null || keep(row)))
                {
                    rows.Add(new MeasureSelection(measure, row));
                }
            }
        }

        return rows;
    }

    private static List<SavingsScheme>? SavingsFor(Question question, PprrSnapshot snapshot) =>
        question.Ratings.Count == 0
            ? null
            : snapshot.Savings.Where(s => s.Period == question.SavingsPeriod && question.Ratings.Contains(s.Rag)).ToList();

    private static string PriorityWords(IReadOnlyList<int> priorities) =>
        priorities.Count == 1 ? $"Priority {priorities[0]}" : "Priorities " + string.Join(", ", priorities);
}
