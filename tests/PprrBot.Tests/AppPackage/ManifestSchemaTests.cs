using NJsonSchema;

namespace PprrBot.Tests.AppPackage;

// Microsoft's own manifest schema comes from npm (@microsoft/app-manifest); tests/manifest/check-manifest.sh installs it
// and validates with Microsoft's validator too. Without node_modules this test says so and skips.
public class ManifestSchemaTests
{
    private const string SchemaPath = "tests/manifest/node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.25/MicrosoftTeams.schema.json";

    [Fact]
    public async Task BuiltManifestValidatesAgainstTheOfficialTeamsSchema()
    {
        var schema = await LoadSchemaAsync();
        var manifest = System.Text.Encoding.UTF8.GetString(BuiltPackage.Build().Entries["manifest.json"]);

        var errors = schema.Validate(manifest);

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task OfficialSchemaRejectsTheOldLowerCaseGroupChatScope()
    {
        var schema = await LoadSchemaAsync();
        var manifest = System.Text.Encoding.UTF8.GetString(BuiltPackage.Build().Entries["manifest.json"])
            .Replace("\"groupChat\"", "\"groupchat\"", StringComparison.Ordinal);

        var errors = schema.Validate(manifest);

        Assert.NotEmpty(errors);
    }

    private static async Task<JsonSchema> LoadSchemaAsync()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, SchemaPath);
            if (File.Exists(candidate))
            {
                return await JsonSchema.FromFileAsync(candidate, TestContext.Current.CancellationToken);
            }
        }

        Assert.Skip($"{SchemaPath} is not installed: run tests/manifest/check-manifest.sh (npm ci) first.");
        return null!;
    }
}
