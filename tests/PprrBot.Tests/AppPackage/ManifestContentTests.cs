using System.Text.Json.Nodes;

namespace PprrBot.Tests.AppPackage;

// The limits Teams and the store apply that a member would notice as a cut-off name or a rejected upload.
public class ManifestContentTests
{
    private readonly JsonObject _manifest = BuiltPackage.Build().Manifest;

    [Fact]
    public void PinsManifestSchemaVersion125()
    {
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json", (string?)_manifest["$schema"]);
        Assert.Equal("1.25", (string?)_manifest["manifestVersion"]);
    }

    [Fact]
    public void HasAShortNameDifferentFromTheFullNameWithinTeamsLimits()
    {
        var shortName = (string)_manifest["name"]!["short"]!;
        var fullName = (string)_manifest["name"]!["full"]!;

        Assert.InRange(shortName.Length, 1, 30);
        Assert.InRange(fullName.Length, 1, 100);
        Assert.NotEqual(shortName, fullName);
        Assert.InRange(((string)_manifest["developer"]!["name"]!).Length, 1, 32);
    }

    [Fact]
    public void DescribesWhatTheBotDoesWithinTeamsLimits()
    {
        var shortDescription = (string)_manifest["description"]!["short"]!;
        var fullDescription = (string)_manifest["description"]!["full"]!;

        Assert.InRange(shortDescription.Length, 20, 80);
        Assert.InRange(fullDescription.Length, 200, 4000);
        Assert.Contains("Portfolio Performance and Resource Report", fullDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void OffersTheBotInPersonalTeamAndGroupChatScopes()
    {
        var bot = _manifest["bots"]![0]!;

        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public void ListsCommandsForEveryScopeWithinTeamsLimits()
    {
        var lists = _manifest["bots"]![0]!["commandLists"]!.AsArray();

        var scopes = lists.SelectMany(list => list!["scopes"]!.AsArray().Select(s => (string)s!)).ToList();
        Assert.Equal(["groupChat", "personal", "team"], scopes.Order(StringComparer.Ordinal));
        Assert.All(lists, list =>
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 12);
            Assert.All(commands, command => Assert.InRange(((string)command!["title"]!).Length, 1, 128));
        });
    }

    [Theory]
    [InlineData("brief me")]
    [InlineData("what's red")]
    [InlineData("my questions")]
    [InlineData("help")]
    public void ListsTheCommandsMembersAskForInPersonalChat(string title)
    {
        var personal = _manifest["bots"]![0]!["commandLists"]!.AsArray().Single(list => list!["scopes"]!.AsArray().Any(s => (string?)s == "personal"))!;

        Assert.Contains(title, personal["commands"]!.AsArray().Select(c => (string?)c!["title"]));
    }

    [Fact]
    public void UsesTheAccentColourAsAHexColour()
    {
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)_manifest["accentColor"]);
    }
}
