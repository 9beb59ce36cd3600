using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using PprrBot.Data.Contacts;
using PprrBot.Data.Finance;
using PprrBot.Data.Measures;
using PprrBot.Data.Meetings;
using PprrBot.Data.ReadModel;

namespace PprrBot.Data.Imports;

/// <summary>
/// Turns a file into checked entities, recording every problem (never stopping at the first). Checks that need
/// the database (owner roles, definition codes) are made by <see cref="PprrImporter"/>.
/// </summary>
internal static class ImportParser
{
    public static ParsedFile? Parse(ImportSource source, ImportKind? requestedKind, List<ImportProblem> problems)
    {
        var file = TabularFile.Read(source);
        problems.AddRange(file.Problems);
        var kind = requestedKind ?? ImportSchema.Detect(file.Headers);
        if (kind is null)
        {
            problems.Add(new ImportProblem(source.FileName, 0, "",
                "could not tell the kind of file from its header row; expected the header of a measures, definitions, finance, savings, contacts or meetings file (or name the kind with --kind)"));
            return null;
        }

        var missing = ImportSchema.RequiredColumns(kind.Value)
            .Where(c => !file.Headers.Contains(c, StringComparer.OrdinalIgnoreCase))
            .ToList();
        foreach (var column in missing)
        {
            problems.Add(new ImportProblem(source.FileName, 1, column, $"expected a column named {column} in the header row of a {ImportWords.Kinds.WordFor(kind.Value)} file"));
        }

        if (missing.Count > 0)
        {
            return null;
        }

        var parsed = new ParsedFile(source, kind.Value, Convert.ToHexStringLower(SHA256.HashData(source.Content)), file.Rows.Count);
        var reader = new RowReader(file, problems);
        switch (kind.Value)
        {
            case ImportKind.Measures:
                ParseMeasures(file, reader, parsed);
                break;
            case ImportKind.Definitions:
                ParseDefinitions(file, reader, parsed);
                break;
            case ImportKind.Finance:
                ParseFinance(file, reader, parsed);
                break;
            case ImportKind.Savings:
                ParseSavings(file, reader, parsed);
                break;
            case ImportKind.Contacts:
                ParseContacts(file, reader, parsed);
                break;
            case ImportKind.Meetings:
                ParseMeetings(file, reader, parsed);
                break;
        }

        return parsed;
    }

    private static void ParseMeasures(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRowOfPeriod = new Dictionary<(string Code, string Period), int>();
        var firstOfCode = new Dictionary<string, MeasureShape>(StringComparer.OrdinalIgnoreCase);
        var firstOfPriority = new Dictionary<int, ParsedMeasureRow>();
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var portfolio = r.Required("portfolio");
            var priority = r.WholeNumber("priority", required: true);
            if (priority is < 1)
            {
                r.Problem("priority", $"expected a priority number of 1 or more; found {TabularFile.Quote(r.Text("priority"))}");
            }

            var priorityTitle = r.Required("priority_title");
            var code = r.Required("code");
            var name = r.Required("measure");
            var unit = r.Word("unit", ImportWords.Units, required: true);
            var polarity = r.Word("polarity", ImportWords.Polarities, required: true);
            var frequency = r.Word("frequency", ImportWords.Frequencies, required: true);
            var period = r.Required("period");
            var periodEnd = r.Date("period_end", required: true);
            var ownerRole = r.Required("owner_role");
            var report = r.Required("report");
            var result = new MeasureResult
            {
                Period = period,
                PeriodEnd = periodEnd ?? default,
                Value = r.Number("value"),
                Target = r.Number("target"),
                AmberTolerance = r.Number("amber_tolerance"),
                ReportedRag = r.Word("reported_rag", ImportWords.Rags),
                PreviousValue = r.Number("previous_value"),
                England = r.Number("england"),
                NorthWest = r.Number("north_west"),
                StatNeighbours = r.Number("stat_neighbours"),
                ComparatorPeriod = r.Text("comparator_period"),
                Commentary = r.Text("commentary"),
                Report = report,
                MeetingDate = r.Date("meeting_date"),
                SourceRef = r.Text("source_ref"),
                Provenance = r.Text("provenance"),
            };

            CheckFigures(r, unit, result);
            CheckRating(r, polarity, result);

            var measure = new Measure
            {
                Code = code,
                Name = name,
                Unit = unit ?? default,
                Polarity = polarity ?? default,
                Frequency = frequency ?? default,
                OwnerRole = ownerRole,
            };
            var parsedRow = new ParsedMeasureRow(row.Number, portfolio, (int)(priority ?? 0), priorityTitle, measure, result);

            if (code.Length > 0 && period.Length > 0)
            {
                var key = (code.ToUpperInvariant(), period.ToUpperInvariant());
                if (firstRowOfPeriod.TryGetValue(key, out var earlier))
                {
                    r.Problem("period", $"expected each code and period once; {code} {period} is also on row {earlier}");
                }
                else
                {
                    firstRowOfPeriod[key] = row.Number;
                }
            }

            var shape = new MeasureShape(row.Number, name, unit, polarity, frequency, priority is >= 1 ? (int)priority.Value : null);
            if (code.Length > 0 && firstOfCode.TryGetValue(code, out var first))
            {
                Same(r, "measure", first, code, first.Name, shape.Name);
                Same(r, "unit", first, code, Word(ImportWords.Units, first.Unit), Word(ImportWords.Units, shape.Unit));
                Same(r, "polarity", first, code, Word(ImportWords.Polarities, first.Polarity), Word(ImportWords.Polarities, shape.Polarity));
                Same(r, "frequency", first, code, Word(ImportWords.Frequencies, first.Frequency), Word(ImportWords.Frequencies, shape.Frequency));
                Same(r, "priority", first, code, first.Priority?.ToString(CultureInfo.InvariantCulture), shape.Priority?.ToString(CultureInfo.InvariantCulture));
            }
            else if (code.Length > 0)
            {
                firstOfCode[code] = shape;
            }

            if (priority is { } number && firstOfPriority.TryGetValue((int)number, out var titled))
            {
                if (!string.Equals(titled.PriorityTitle, priorityTitle, StringComparison.Ordinal) && priorityTitle.Length > 0)
                {
                    r.Problem("priority_title", $"expected \"{titled.PriorityTitle}\", the title of priority {number} on row {titled.Row}; found {TabularFile.Quote(priorityTitle)}");
                }
            }
            else if (priority is { } newNumber)
            {
                firstOfPriority[(int)newNumber] = parsedRow;
            }

            if (ownerRole.Length > 0)
            {
                parsed.OwnerRoles.Add((row.Number, "owner_role", ownerRole));
            }

            parsed.Measures.Add(parsedRow);
        }
    }

    /// <summary>What must be the same on every row of one measure code (null where the cell itself was wrong).</summary>
    private sealed record MeasureShape(int Row, string? Name, MeasureUnit? Unit, Polarity? Polarity, MeasureFrequency? Frequency, int? Priority);

    private static string? Word<T>(WordMap<T> words, T? value)
        where T : struct => value is null ? null : words.WordFor(value.Value);

    private static void Same(RowReader r, string column, MeasureShape first, string code, string? expected, string? found)
    {
        if (!string.IsNullOrEmpty(expected) && !string.IsNullOrEmpty(found) && !string.Equals(expected, found, StringComparison.Ordinal))
        {
            r.Problem(column, $"expected \"{expected}\", as for {code} on row {first.Row}; found {TabularFile.Quote(found)}");
        }
    }

    private static readonly string[] FigureColumns = ["value", "target", "previous_value", "england", "north_west", "stat_neighbours"];

    private static void CheckFigures(RowReader r, MeasureUnit? unit, MeasureResult result)
    {
        decimal?[] figures = [result.Value, result.Target, result.PreviousValue, result.England, result.NorthWest, result.StatNeighbours];
        for (var i = 0; i < figures.Length; i++)
        {
            if (figures[i] is not { } figure)
            {
                continue;
            }

            if (unit == MeasureUnit.Percent && figure is < 0m or > 100m)
            {
                r.Problem(FigureColumns[i], $"expected a percentage from 0 to 100 (the unit is percent); found {TabularFile.Quote(r.Text(FigureColumns[i]))}");
            }
            else if (unit == MeasureUnit.Count && figure != decimal.Truncate(figure))
            {
                r.Problem(FigureColumns[i], $"expected a whole number (the unit is count); found {TabularFile.Quote(r.Text(FigureColumns[i]))}");
            }
        }

        if (result.AmberTolerance is < 0m)
        {
            r.Problem("amber_tolerance", $"expected zero or a positive number; found {TabularFile.Quote(r.Text("amber_tolerance"))}");
        }
    }

    private static void CheckRating(RowReader r, Polarity? polarity, MeasureResult result)
    {
        if (result.ReportedRag is null)
        {
            return;
        }

        if (polarity == Polarity.Context)
        {
            r.Problem("reported_rag", $"expected an empty cell: a context measure is never rated; found {TabularFile.Quote(r.Text("reported_rag"))}");
        }
        else if (result.Value is null && r.Text("value") is null)
        {
            r.Problem("reported_rag", $"expected an empty cell: a row with no value is not rated; found {TabularFile.Quote(r.Text("reported_rag"))}");
        }
    }

    private static void ParseDefinitions(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var code = r.Required("code");
            var definition = r.Required("definition");
            r.Word("unit", ImportWords.Units);
            r.Word("polarity", ImportWords.Polarities);
            Once(r, firstRow, "code", code, $"expected each code once; {code} is also on row {{0}}");
            parsed.Definitions.Add(new ParsedDefinitionRow(row.Number, code, definition, r.Text("source_ref"), r.Text("provenance")));
        }
    }

    private static void ParseFinance(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var budget = r.WholeNumber("budget_gbp", required: true);
            var outturn = r.WholeNumber("forecast_outturn_gbp", required: true);
            var variance = r.WholeNumber("variance_gbp", required: true);
            var line = new FinanceLine
            {
                Portfolio = r.Required("portfolio"),
                Period = r.Required("period"),
                Service = r.Required("service"),
                Line = r.Required("line"),
                Budget = budget ?? 0m,
                ForecastOutturn = outturn ?? 0m,
                Variance = variance ?? 0m,
                Commentary = r.Text("commentary"),
                OwnerRole = r.Required("owner_role"),
                Report = r.Required("report"),
                Provenance = r.Text("provenance"),
            };

            if (budget is not null && outturn is not null && variance is not null && variance != outturn - budget)
            {
                var expected = (line.ForecastOutturn - line.Budget).ToString(CultureInfo.InvariantCulture);
                r.Problem("variance_gbp", $"expected forecast_outturn_gbp minus budget_gbp, {expected}; found {TabularFile.Quote(r.Text("variance_gbp"))}");
            }

            Once(r, firstRow, "line", $"{line.Period}|{line.Service}|{line.Line}", $"expected each period, service and line once; this line is also on row {{0}}");
            foreach (var role in SplitRoles(line.OwnerRole))
            {
                parsed.OwnerRoles.Add((row.Number, "owner_role", role));
            }

            parsed.Finance.Add((row.Number, line));
        }
    }

    private static void ParseSavings(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var scheme = new SavingsScheme
            {
                Portfolio = r.Required("portfolio"),
                Period = r.Required("period"),
                Scheme = r.Required("scheme"),
                Target = r.WholeNumber("target_gbp", required: true) ?? 0m,
                ForecastAchieved = r.WholeNumber("forecast_achieved_gbp", required: true) ?? 0m,
                Rag = r.Word("rag", ImportWords.Rags, required: true) ?? default,
                Commentary = r.Text("commentary"),
                OwnerRole = r.Required("owner_role"),
                Provenance = r.Text("provenance"),
            };
            Once(r, firstRow, "scheme", $"{scheme.Period}|{scheme.Scheme}", $"expected each period and scheme once; this scheme is also on row {{0}}");
            foreach (var role in SplitRoles(scheme.OwnerRole))
            {
                parsed.OwnerRoles.Add((row.Number, "owner_role", role));
            }

            parsed.Savings.Add((row.Number, scheme));
        }
    }

    private static void ParseContacts(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var contact = new Contact
            {
                Role = r.Required("role"),
                Name = r.Required("name"),
                Title = r.Required("title"),
                Email = r.Text("email"),
                Phone = r.Text("phone"),
                Areas = r.Text("areas") ?? "",
                TeamsUserId = r.Text("teams_user_id"),
                Provenance = r.Text("provenance"),
            };

            if (contact.Email is { } email && (!MailAddress.TryCreate(email, out var address) || address.Address != email))
            {
                r.Problem("email", $"expected an e-mail address such as name@council.gov.uk; found {TabularFile.Quote(email)}");
            }

            Once(r, firstRow, "role", PprrSnapshot.Normalise(contact.Role), $"expected each role once; {contact.Role} is also on row {{0}}");
            parsed.Contacts.Add((row.Number, contact));
        }
    }

    private static void ParseMeetings(TabularFile file, RowReader r, ParsedFile parsed)
    {
        var firstRow = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.Rows)
        {
            r.Row = row;
            var meeting = new Meeting
            {
                Committee = r.Required("committee"),
                Date = r.Date("date", required: true) ?? default,
                Time = r.Time("time"),
                Item = r.Required("item"),
                Report = r.Required("report"),
                CabinetDate = r.Date("cabinet_date"),
                Provenance = r.Text("provenance"),
            };
            Once(r, firstRow, "item", $"{meeting.Committee}|{meeting.Date:yyyy-MM-dd}|{meeting.Item}", $"expected each committee, date and item once; this meeting is also on row {{0}}");
            parsed.Meetings.Add((row.Number, meeting));
        }
    }

    /// <summary>Records a duplicate key; the message's {0} is the earlier row.</summary>
    private static void Once(RowReader r, Dictionary<string, int> firstRow, string column, string key, string message)
    {
        if (key.Length == 0 || key.Split('|').Any(part => part.Length == 0))
        {
            return;
        }

        if (firstRow.TryGetValue(key, out var earlier))
        {
            r.Problem(column, string.Format(CultureInfo.InvariantCulture, message, earlier));
        }
        else
        {
            firstRow[key] = r.Row.Number;
        }
    }

    public static IEnumerable<string> SplitRoles(string roles) =>
        roles.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
