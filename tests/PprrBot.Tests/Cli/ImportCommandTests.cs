namespace PprrBot.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly CommandLineRun _cli = new();


    private Task<int> RunAsync(params string[] args) => _cli.RunAsync(args);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_cli.Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private const string Contacts = "role,name,title,email\r\nStrategy and Performance Manager,Gaynor Ward,Strategy and Performance Manager,gaynor.ward@stockport.gov.uk\r\n";

    [Fact]
    public async Task ImportsAFileAndSaysHowManyRows()
    {
        var contacts = WriteFile("contacts.csv", Contacts);

        var exitCode = await RunAsync("import", contacts, "--by", "Test Officer");

        Assert.Equal(0, exitCode);
        Assert.Contains("contacts.csv: imported 1 contacts rows (import 1).", _cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingTheSameFileAgainSaysAlreadyImportedAndSucceeds()
    {
        var contacts = WriteFile("contacts.csv", Contacts);
        await RunAsync("import", contacts);

        var exitCode = await RunAsync("import", contacts);

        Assert.Equal(0, exitCode);
        Assert.Contains("contacts.csv: already imported as contacts (import 1, same SHA-256); nothing changed.", _cli.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRowsAreListedAndTheExitCodeIsOne()
    {
        var contacts = WriteFile("contacts.csv", "role,name,title,email\r\nStrategy and Performance Manager,,Manager,not an address\r\n");

        var exitCode = await RunAsync("import", contacts);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "Nothing was imported: 2 problems found.",
                "contacts.csv, row 2, column name: expected a value; the cell is empty",
                "contacts.csv, row 2, column email: expected an e-mail address such as name@council.gov.uk; found \"not an address\"",
            ],
            _cli.Error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("missing.csv")]
    [InlineData("notes.txt")]
    public async Task MissingOrUnsupportedFileIsAUsageError(string name)
    {
        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            WriteFile(name, "hello");
        }

        var exitCode = await RunAsync("import", Path.Combine(_cli.Folder, name));

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task UnknownKindIsAUsageError()
    {
        var contacts = WriteFile("contacts.csv", Contacts);

        var exitCode = await RunAsync("import", contacts, "--kind", "budgets");

        Assert.Equal(2, exitCode);
        Assert.Contains("budgets", _cli.Error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
