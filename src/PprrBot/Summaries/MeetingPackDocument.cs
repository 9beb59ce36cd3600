using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PprrBot.Cards;
using PprrBot.Data.Contacts;
using PprrBot.Data.RoutedQuestions;

namespace PprrBot.Summaries;

/// <summary>
/// Writes the meeting pack as a Word document with the Open XML SDK: real Heading 1-3 styles (with outline levels,
/// so a screen reader and the navigation pane can move by heading), tables with repeating header rows and captions,
/// the title in the document properties, and en-GB as the language of every run.
/// </summary>
internal static class MeetingPackDocument
{
    // A4 with 2 cm margins: 11906 − 2 × 1134 twips of text width.
    private const int TextWidth = 9638;
    private const string HeaderFill = "D9E2F3";

    public static void Write(MeetingPack pack, Stream stream)
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: true);
        document.PackageProperties.Title = pack.Title;
        document.PackageProperties.Subject = pack.Meeting.Item;
        document.PackageProperties.Creator = "PprrBot";
        document.PackageProperties.Language = "en-GB";
        document.PackageProperties.Created = pack.GeneratedAt.UtcDateTime;

        var main = document.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = Styles();
        var body = new Body();
        main.Document = new Document(body);

        Content(pack, body);

        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
        main.Document.Save();
    }

    private static void Content(MeetingPack pack, Body body)
    {
        var snapshot = pack.Snapshot;
        var summary = pack.Summary;
        var meeting = pack.Meeting;

        body.Append(Paragraph(pack.Title, "Title"));
        if (snapshot.IsSample)
        {
            body.Append(Paragraph(CardDocument.SampleMarker + ": every figure in this pack comes from the sample data set and is not a council's real performance.", bold: true));
        }

        body.Append(Paragraph("Meeting details", "Heading1"));
        body.Append(Table(
            "Meeting details",
            [1, 3],
            ["Item", "Detail"],
            [
                ["Committee", meeting.Committee],
                ["Date", UkFormat.Date(meeting.Date)],
                ["Time", meeting.Time is { } time ? UkFormat.Time(time) + " (UK time)" : "Not recorded"],
                ["Agenda item", meeting.Item],
                ["Report", meeting.Report],
                ["Figures shown", summary.Request.Report is { } report ? $"Headline rows of the {report}" : "Current position (the report's figures are not held)"],
                ["Pack prepared", UkFormat.DateAndTime(pack.GeneratedAt)],
            ]));

        ExceptionSummary(summary, body);
        QuestionsAndAnswers(pack, body);
        Sources(pack, body);
    }

    private static void ExceptionSummary(ChairSummary summary, Body body)
    {
        body.Append(Paragraph("Exception summary", "Heading1"));
        body.Append(Paragraph(WrittenSummary(summary)));

        body.Append(Paragraph("Ratings by priority", "Heading2"));
        body.Append(Table(
            "Ratings by priority",
            [4, 1, 1, 1, 1, 1, 1],
            ["Priority", "Red", "Amber", "Green", "Not rated", "No figure", "Not in report"],
            summary.Counts.Select(c => (IReadOnlyList<string>)
            [
                $"{c.Priority.Label}: {c.Priority.Title}", Number(c.Red), Number(c.Amber), Number(c.Green), Number(c.NotRated), Number(c.NoFigure), Number(c.NotInReport),
            ]).ToList()));

        body.Append(Paragraph($"Red measures ({summary.Exceptions.Count})", "Heading2"));
        if (summary.Exceptions.Count == 0)
        {
            body.Append(Paragraph("No measure is rated Red."));
        }
        else
        {
            body.Append(Table(
                "Red measures",
                [3, 2, 3, 4],
                ["Measure", "Value and target", "Reason for the rating", "Commentary"],
                summary.Exceptions.Select(e => (IReadOnlyList<string>)
                [
                    $"{e.Measure.Code} {e.Measure.Name}",
                    $"{MeasureWording.ValueOrNone(e.Row, e.Measure.Measure.Unit)} ({e.Row.Period})" + (e.Row.Target is { } t ? $"; target {UkFormat.Value(t, e.Measure.Measure.Unit)}" : ""),
                    e.Reason.Text,
                    e.Row.Commentary ?? "",
                ]).ToList()));
        }

        if (summary.Budget is { } budget)
        {
            var outturn = ChairBriefing.Outturn(budget);
            body.Append(Paragraph($"Budget position {budget.Period}", "Heading2"));
            var rows = new List<IReadOnlyList<string>>();
            if (budget.Total is { } total)
            {
                rows.Add([total.Line, UkFormat.Money(total.Budget), UkFormat.Money(total.ForecastOutturn), UkFormat.Variance(total.Variance)]);
            }

            rows.AddRange(budget.LargestVariances.Select(l => (IReadOnlyList<string>)[$"{l.Line} ({l.Service})", UkFormat.Money(l.Budget), UkFormat.Money(l.ForecastOutturn), UkFormat.Variance(l.Variance)]));
            rows.AddRange(budget.Grant.Select(l => (IReadOnlyList<string>)[$"{l.Line} (Dedicated Schools Grant, outside the cash limit)", UkFormat.Money(l.Budget), UkFormat.Money(l.ForecastOutturn), UkFormat.Variance(l.Variance)]));
            body.Append(Table($"Budget position {budget.Period}", [4, 2, 2, 3], ["Line", "Budget", char.ToUpperInvariant(outturn[0]) + outturn[1..], "Variance"], rows));
            var explained = budget.LargestVariances.Where(l => !string.IsNullOrWhiteSpace(l.Commentary)).ToList();
            for (var i = 0; i < explained.Count; i++)
            {
                var paragraph = new Paragraph(
                    new ParagraphProperties(new SpacingBetweenLines { Before = i == 0 ? "200" : "0" }),
                    Run(explained[i].Line + ": ", bold: true),
                    Run(explained[i].Commentary!, bold: false));
                body.Append(paragraph);
            }
        }

        if (summary.Savings is { } savings)
        {
            body.Append(Paragraph($"Savings at risk {savings.Period}", "Heading2"));
            body.Append(Paragraph($"{savings.SchemeCount} schemes ({savings.Counts}): target {UkFormat.Money(savings.Target)}, forecast to be achieved {UkFormat.Money(savings.Achieved)}, shortfall {UkFormat.Money(savings.Shortfall)}."));
            if (savings.AtRisk.Count > 0)
            {
                body.Append(Table(
                    $"Savings at risk {savings.Period}",
                    [4, 1, 2, 2, 2],
                    ["Scheme", "RAG", "Target", "Forecast", "Shortfall"],
                    savings.AtRisk.Select(s => (IReadOnlyList<string>)[s.Scheme, s.Rag.ToString(), UkFormat.Money(s.Target), UkFormat.Money(s.ForecastAchieved), UkFormat.Money(s.Shortfall)]).ToList()));
            }
        }
    }

    /// <summary>The exception summary in written form: counts, the cash limit from the data's total row, the grant apart, savings, questions.</summary>
    private static string WrittenSummary(ChairSummary summary)
    {
        var text = $"{summary.Scope}: of {summary.Counts.Sum(c => c.Measures)} measures, {ChairSummary.CountWords(summary.Counts)}.";
        if (summary.Budget is { Total: { } total } budget)
        {
            text += $" Cash limit {budget.Period}: budget {UkFormat.Money(total.Budget)}, {ChairBriefing.Outturn(budget)} {UkFormat.Money(total.ForecastOutturn)}, variance {UkFormat.Variance(total.Variance)}.";
            if (budget.Grant.Count > 0)
            {
                text += " The Dedicated Schools Grant is reported separately: " + string.Join("; ", budget.Grant.Select(l => $"{l.Line} {UkFormat.Variance(l.Variance)}")) + ".";
            }
        }

        if (summary.Savings is { } savings)
        {
            text += $" Savings {savings.Period}: shortfall {UkFormat.Money(savings.Shortfall)}, {savings.AtRisk.Count} of {savings.SchemeCount} schemes at risk.";
        }

        if (summary.Questions is { } q)
        {
            text += $" Questions routed for this meeting: {q.Open.Count} open, {q.Overdue.Count} overdue, {q.Answered.Count} answered.";
        }

        return text;
    }

    private static void QuestionsAndAnswers(MeetingPack pack, Body body)
    {
        body.Append(Paragraph("Questions and answers", "Heading1"));
        if (pack.Questions.Count == 0)
        {
            body.Append(Paragraph("No questions were routed to officers for this meeting."));
            return;
        }

        var snapshot = pack.Snapshot;
        var groups = pack.Questions
            .Select(q => (Question: q, Measure: q.MeasureCode is { } code ? snapshot.Measure(code) : null))
            .GroupBy(x => x.Measure?.Priority.Number ?? int.MaxValue)
            .OrderBy(g => g.Key);
        foreach (var priority in groups)
        {
            var first = priority.First().Measure;
            body.Append(Paragraph(first is null ? "Budget, savings and other questions" : MeasureWording.PriorityLine(first.Priority), "Heading2"));
            foreach (var measure in priority.GroupBy(x => x.Measure?.Code ?? x.Question.Topic ?? "").OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
            {
                var view = measure.First().Measure;
                body.Append(Paragraph(view is not null ? $"{view.Code} {view.Name}" : measure.Key.Length > 0 ? measure.Key : "General", "Heading3"));
                foreach (var (question, _) in measure.OrderBy(x => x.Question.Id))
                {
                    body.Append(QuestionTable(question, snapshot.ContactForRole(question.AssignedRole)));
                }
            }
        }
    }

    private static Table QuestionTable(RoutedQuestion q, Contact? officer) => Table(
        $"Question {q.Reference}",
        [1, 3],
        [q.Reference, "Detail"],
        [
            ["Question", q.QuestionText],
            ["Member", q.MemberName ?? "Not recorded"],
            ["Officer", officer is null ? q.AssignedRole : $"{officer.Name}, {q.AssignedRole}"],
            ["Answer by", UkFormat.Date(q.AnswerBy)],
            ["Status", q.Status == RoutedQuestionStatus.Answered ? "Answered" : "Open: not yet answered"],
            ["Answer", q.AnswerText ?? "No answer yet."],
            ["Answered by", q.AnsweredAt is { } at ? $"{q.AnsweredByName ?? "Not recorded"}, {UkFormat.DateAndTime(at)}" : "Not answered"],
        ],
        keepTogether: true);

    private static void Sources(MeetingPack pack, Body body)
    {
        var snapshot = pack.Snapshot;
        body.Append(Paragraph("Sources", "Heading1"));
        foreach (var report in snapshot.Reports)
        {
            var meetingDate = snapshot.Meetings.FirstOrDefault(m => string.Equals(m.Report, report, StringComparison.OrdinalIgnoreCase))?.Date;
            body.Append(Paragraph(MeasureWording.ReportLine(snapshot, report, meetingDate) + "."));
        }

        if (snapshot.Imports.Count == 0)
        {
            body.Append(Paragraph("No import is recorded: the figures come from the embedded sample data set."));
        }
        else
        {
            body.Append(Table(
                "Imports behind the figures",
                [3, 2, 2, 1],
                ["File", "Imported", "Kind", "Sample"],
                snapshot.Imports.Select(i => (IReadOnlyList<string>)[i.FileName, UkFormat.Date(i.ImportedAt), i.Kind.ToString(), i.IsSample ? "Yes" : "No"]).ToList()));
        }

        if (snapshot.IsSample)
        {
            body.Append(Paragraph(CardDocument.SampleMarker + ".", bold: true));
        }
    }

    private static Paragraph Paragraph(string text, string? style = null, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        paragraph.Append(Run(text, bold));
        return paragraph;
    }

    private static Run Run(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }

        return run;
    }

    /// <param name="keepTogether">Keep a short table on one page (each row's paragraph keeps with the next row).</param>
    private static Table Table(string caption, IReadOnlyList<int> weights, IReadOnlyList<string> header, List<IReadOnlyList<string>> rows, bool keepTogether = false)
    {
        var total = weights.Sum();
        var widths = weights.Select(w => TextWidth * w / total).ToList();
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Color = "808080" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa }),
                new TableCaption { Val = caption }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(UkFormat.Culture) })));

        // Header row repeats on every page and is announced as the column headers.
        table.Append(Row(header, widths, isHeader: true, keepWithNext: keepTogether));
        for (var i = 0; i < rows.Count; i++)
        {
            table.Append(Row(rows[i], widths, isHeader: false, keepWithNext: keepTogether && i < rows.Count - 1));
        }

        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, List<int> widths, bool isHeader, bool keepWithNext)
    {
        var row = new TableRow();
        if (isHeader)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(UkFormat.Culture), Type = TableWidthUnitValues.Dxa });
            if (isHeader)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeaderFill });
            }

            var paragraphProperties = keepWithNext
                ? new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "0" })
                : new ParagraphProperties(new SpacingBetweenLines { After = "0" });
            var paragraph = new Paragraph(paragraphProperties, Run(cells[i], isHeader));
            row.Append(new TableCell(properties, paragraph));
        }

        return row;
    }

    private static string Number(int value) => value.ToString(UkFormat.Culture);

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB", EastAsia = "en-GB", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        HeadingStyle("Title", "Title", outline: null, size: "40", before: "0", after: "240"),
        HeadingStyle("Heading1", "heading 1", outline: 0, size: "32", before: "360", after: "120"),
        HeadingStyle("Heading2", "heading 2", outline: 1, size: "26", before: "280", after: "100"),
        HeadingStyle("Heading3", "heading 3", outline: 2, size: "22", before: "200", after: "80"));

    private static Style HeadingStyle(string id, string name, int? outline, string size, string before, string after)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = before, After = after });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new UIPriority { Val = outline is null ? 10 : 9 },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new Color { Val = "1F3864" }, new FontSize { Val = size }, new FontSizeComplexScript { Val = size }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
    }
}
