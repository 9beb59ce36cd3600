using System.Text.Json.Nodes;
using NJsonSchema;

namespace PprrBot.Tests.Cards;

/// <summary>
/// Every card type against the official Adaptive Card 1.5 schema. The schema may not be vendored, so it is
/// read from ../shared beside the repository (present in CI); without it these tests skip and say why.
/// </summary>
public class CardSchemaTests
{
    private static readonly Lazy<Task<JsonSchema?>> Schema = new(LoadSchemaAsync);

    public static TheoryData<string> CardNames() => CardStructureTests.CardNames();

    [Theory]
    [MemberData(nameof(CardNames))]
    public async Task MatchesTheOfficialAdaptiveCardSchema(string name)
    {
        var schema = await RequireSchemaAsync();
        var card = CardGallery.All().Single(c => c.Name == name).Message.Card!;

        var errors = schema.Validate(ForSchema(card).ToJsonString());

        Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(Describe)));
    }

    [Fact]
    public async Task SchemaCheckRejectsAPropertyTheSchemaDoesNotKnow()
    {
        var schema = await RequireSchemaAsync();
        var card = ForSchema(CardGallery.All()[0].Message.Card!);
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "x", ["wrap"] = true, ["colour"] = "good" });

        var errors = schema.Validate(card.ToJsonString());

        Assert.NotEmpty(errors);
    }

    /// <summary>The card as the schema sees it: Teams' own msteams property removed (the schema is strict).</summary>
    internal static JsonObject ForSchema(JsonObject card)
    {
        var copy = card.DeepClone().AsObject();
        copy.Remove("msteams");
        return copy;
    }

    internal static string? SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PprrBot.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "schemas", "adaptive-card-1.5.json"));
            }
        }

        return null;
    }

    private static async Task<JsonSchema> RequireSchemaAsync()
    {
        var schema = await Schema.Value;
        Assert.SkipWhen(schema is null, $"CI-only check: the Adaptive Card 1.5 schema is not at {SchemaPath() ?? "../shared/schemas"}.");
        return schema!;
    }

    private static async Task<JsonSchema?> LoadSchemaAsync()
    {
        var path = SchemaPath();
        return path is not null && File.Exists(path) ? await JsonSchema.FromFileAsync(path) : null;
    }

    private static string Describe(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? $"{error.Path}: {error.Kind} [{string.Join(" | ", child.Errors.SelectMany(e => e.Value).Select(Describe))}]"
            : $"{error.Path}: {error.Kind}";
}
