using PprrBot.Data.Imports;

namespace PprrBot.Data.Tests.Imports;

/// <summary>Each kind of bad row, with the exact message a person sees.</summary>
public class ImportParserTests
{
    [Theory]
    [MemberData(nameof(SampleFiles.Names), MemberType = typeof(SampleFiles))]
    public void EveryReferenceFilePassesEveryRowCheck(string fileName)
    {
        var problems = new List<ImportProblem>();

        var parsed = ImportParser.Parse(SampleFiles.Source(fileName), null, problems);

        Assert.Empty(problems);
        Assert.Equal(SampleFiles.Rows(fileName).Count - 1, parsed!.RowCount);
    }

    [Theory]
    [InlineData("measures.csv", ImportKind.Measures)]
    [InlineData("definitions.csv", ImportKind.Definitions)]
    [InlineData("finance.csv", ImportKind.Finance)]
    [InlineData("savings.csv", ImportKind.Savings)]
    [InlineData("contacts.csv", ImportKind.Contacts)]
    [InlineData("meetings.csv", ImportKind.Meetings)]
    public void KindIsTakenFromTheHeader(string fileName, ImportKind expected)
    {
        var parsed = ImportParser.Parse(SampleFiles.Source(fileName), null, []);

        Assert.Equal(expected, parsed!.Kind);
    }

    [Theory]
    [InlineData("CFE01", "2018/19", "value", "72,5", "expected a number such as 72.5 (a full stop for decimals; no %, £ or thousands separators); found \"72,5\"")]
    [InlineData("CFE01", "2018/19", "target", "72.5%", "expected a number such as 72.5 (a full stop for decimals; no %, £ or thousands separators); found \"72.5%\"")]
    [InlineData("CFE01", "2018/19", "unit", "percentage", "expected one of percent, rate_per_10000, count, score, days, gbp; found \"percentage\"")]
    [InlineData("CFE01", "2018/19", "polarity", "higher", "expected one of higher_is_better, lower_is_better, context; found \"higher\"")]
    [InlineData("CFE01", "2018/19", "frequency", "monthly", "expected one of quarterly, termly, annual_financial, annual_academic; found \"monthly\"")]
    [InlineData("CFE01", "2018/19", "reported_rag", "Blue", "expected one of Red, Amber, Green; found \"Blue\"")]
    [InlineData("CFE01", "2018/19", "period_end", "31/08/2019", "expected a date as YYYY-MM-DD, such as 2020-12-09; found \"31/08/2019\"")]
    [InlineData("CFE01", "2018/19", "meeting_date", "10 June 2020", "expected a date as YYYY-MM-DD, such as 2020-12-09; found \"10 June 2020\"")]
    [InlineData("CFE01", "2018/19", "code", "", "expected a value; the cell is empty")]
    [InlineData("CFE01", "2018/19", "owner_role", "", "expected a value; the cell is empty")]
    [InlineData("CFE01", "2018/19", "value", "120", "expected a percentage from 0 to 100 (the unit is percent); found \"120\"")]
    [InlineData("CFE01", "2018/19", "amber_tolerance", "-1", "expected zero or a positive number; found \"-1\"")]
    [InlineData("CFE17", "2019/20", "value", "376.5", "expected a whole number (the unit is count); found \"376.5\"")]
    [InlineData("CFE17", "2019/20", "reported_rag", "Green", "expected an empty cell: a context measure is never rated; found \"Green\"")]
    [InlineData("CFE01", "2019/20", "reported_rag", "Red", "expected an empty cell: a row with no value is not rated; found \"Red\"")]
    [InlineData("CFE01", "2019/20", "period", "2018/19", "expected each code and period once; CFE01 2018/19 is also on row 2")]
    [InlineData("CFE01", "2019/20", "unit", "score", "expected \"percent\", as for CFE01 on row 2; found \"score\"")]
    [InlineData("CFE02", "2018/19", "priority_title", "Early years", "expected \"Best start in life\", the title of priority 1 on row 2; found \"Early years\"")]
    [InlineData("CFE01", "2018/19", "priority", "0", "expected a priority number of 1 or more; found \"0\"")]
    public void BadMeasureRowIsReportedWithFileRowColumnAndWhatWasExpected(string code, string period, string column, string value, string expected)
    {
        var row = SampleFiles.MeasureRow(code, period);
        var problems = new List<ImportProblem>();

        ImportParser.Parse(SampleFiles.WithCell("measures.csv", row, column, value), null, problems);

        var problem = Assert.Single(problems);
        Assert.Equal($"measures.csv, row {row}, column {column}: {expected}", problem.ToString());
    }

    [Theory]
    [InlineData("finance.csv", 2, "variance_gbp", "1668001", "expected forecast_outturn_gbp minus budget_gbp, 1668000; found \"1668001\"")]
    [InlineData("finance.csv", 3, "forecast_outturn_gbp", "11,642,000", "expected a number such as 72.5 (a full stop for decimals; no %, £ or thousands separators); found \"11,642,000\"")]
    [InlineData("finance.csv", 3, "budget_gbp", "11870000.50", "expected a whole number; found \"11870000.50\"")]
    [InlineData("finance.csv", 3, "line", "Placements (looked after children)", "expected each period, service and line once; this line is also on row 2")]
    [InlineData("savings.csv", 2, "rag", "Gren", "expected one of Red, Amber, Green; found \"Gren\"")]
    [InlineData("savings.csv", 2, "target_gbp", "", "expected a value; the cell is empty")]
    [InlineData("contacts.csv", 2, "email", "gaynor.ward at stockport", "expected an e-mail address such as name@council.gov.uk; found \"gaynor.ward at stockport\"")]
    [InlineData("contacts.csv", 3, "role", "Strategy and Performance Manager", "expected each role once; Strategy and Performance Manager is also on row 2")]
    [InlineData("meetings.csv", 2, "time", "6pm", "expected a 24-hour time as HH:MM, such as 18:00; found \"6pm\"")]
    [InlineData("meetings.csv", 2, "date", "2020-06-31", "expected a date as YYYY-MM-DD, such as 2020-12-09; found \"2020-06-31\"")]
    [InlineData("definitions.csv", 3, "code", "CFE01", "expected each code once; CFE01 is also on row 2")]
    [InlineData("definitions.csv", 2, "definition", "", "expected a value; the cell is empty")]
    public void BadRowInOtherFilesIsReportedWithFileRowColumnAndWhatWasExpected(string fileName, int row, string column, string value, string expected)
    {
        var problems = new List<ImportProblem>();

        ImportParser.Parse(SampleFiles.WithCell(fileName, row, column, value), null, problems);

        var problem = Assert.Single(problems);
        Assert.Equal($"{fileName}, row {row}, column {column}: {expected}", problem.ToString());
    }

    [Fact]
    public void EveryProblemInAFileIsReportedNotJustTheFirst()
    {
        var rows = SampleFiles.Rows("measures.csv");
        var value = Array.IndexOf(rows[0], "value");
        rows[1][value] = "n/a";
        rows[40][value] = "n/a";
        rows[90][value] = "n/a";
        var problems = new List<ImportProblem>();

        ImportParser.Parse(new ImportSource("measures.csv", GeneratedCsv.Write(rows)), null, problems);

        Assert.Equal([2, 41, 91], problems.Select(p => p.Row));
    }

    [Fact]
    public void MissingRequiredColumnIsReportedOnTheHeaderRow()
    {
        var rows = SampleFiles.Rows("measures.csv");
        var periodEnd = Array.IndexOf(rows[0], "period_end");
        var withoutColumn = rows.Select(r => r.Where((_, i) => i != periodEnd).ToArray());
        var problems = new List<ImportProblem>();

        ImportParser.Parse(new ImportSource("measures.csv", GeneratedCsv.Write(withoutColumn)), null, problems);

        var problem = Assert.Single(problems);
        Assert.Equal("measures.csv, row 1, column period_end: expected a column named period_end in the header row of a measures file", problem.ToString());
    }

    [Fact]
    public void FileWhoseHeaderFitsNoKindAsksForKind()
    {
        var problems = new List<ImportProblem>();

        ImportParser.Parse(new ImportSource("notes.csv", GeneratedCsv.Write([["when", "what"], ["today", "nothing"]])), null, problems);

        var problem = Assert.Single(problems);
        Assert.Equal("notes.csv: could not tell the kind of file from its header row; expected the header of a measures, definitions, finance, savings, contacts or meetings file (or name the kind with --kind)", problem.ToString());
    }
}
