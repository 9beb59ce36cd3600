using System.Text.Json.Nodes;
using PprrBot.AppPackage;

namespace PprrBot.Tests.AppPackage;

public class AppPackageBuilderTests
{
    [Fact]
    public void PutsExactlyTheManifestAndTwoIconsAtTheZipRoot()
    {
        var package = BuiltPackage.Build();

        Assert.Equal(["color.png", "manifest.json", "outline.png"], package.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("color.png", (string?)package.Manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)package.Manifest["icons"]!["outline"]);
    }

    [Fact]
    public void UsesTheConfiguredAppIdAsTeamsAppIdAndBotId()
    {
        var package = BuiltPackage.Build(new AppPackageSettings("6D3A1B5E-2C47-4F0A-9B8E-1F2A3C4D5E6F"));

        Assert.Equal("6d3a1b5e-2c47-4f0a-9b8e-1f2a3c4d5e6f", (string?)package.Manifest["id"]);
        var bot = Assert.Single(package.Manifest["bots"]!.AsArray())!;
        Assert.Equal("6d3a1b5e-2c47-4f0a-9b8e-1f2a3c4d5e6f", (string?)bot["botId"]);
    }

    [Fact]
    public void FillsBotDomainAndVersion()
    {
        var package = BuiltPackage.Build(new AppPackageSettings(BuiltPackage.AppId, "PprrBot.Council.gov.uk", "2.0.7"));

        Assert.Equal(["pprrbot.council.gov.uk"], package.Manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.Equal("2.0.7", (string?)package.Manifest["version"]);
        Assert.DoesNotContain("{{", package.Manifest.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LeavesValidDomainsOutWhenNoBotDomainIsGiven()
    {
        var package = BuiltPackage.Build(new AppPackageSettings(BuiltPackage.AppId));

        Assert.False(package.Manifest.ContainsKey("validDomains"));
        Assert.Equal("1.0.0", (string?)package.Manifest["version"]);
    }

    [Fact]
    public void GivesTheSameBytesForTheSameInputs()
    {
        var first = BuiltPackage.Build();

        var second = BuiltPackage.Build();

        Assert.Equal(first.Bytes, second.Bytes);
    }

    [Theory]
    [InlineData("not-a-guid", "--app-id 'not-a-guid' is not a GUID")]
    [InlineData("", "--app-id '' is not a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "is not a GUID")]
    [InlineData("{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "is not a GUID")]
    public void RejectsAnAppIdThatIsNotABotAppId(string appId, string expected)
    {
        var outcome = AppPackageBuilder.Build(AppPackageSource.Embedded(), new AppPackageSettings(appId));

        Assert.Null(outcome.Package);
        Assert.Contains(expected, Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://pprrbot.council.gov.uk")]
    [InlineData("pprrbot.council.gov.uk/api/messages")]
    [InlineData("pprr bot.council.gov.uk")]
    public void RejectsABotDomainThatIsNotAHostName(string domain)
    {
        var outcome = AppPackageBuilder.Build(AppPackageSource.Embedded(), new AppPackageSettings(BuiltPackage.AppId, domain));

        Assert.Null(outcome.Package);
        Assert.StartsWith($"--bot-domain '{domain}' is not a host name", Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("1.0.0-beta")]
    [InlineData("01.0.0")]
    public void RejectsAVersionThatIsNotMajorMinorPatch(string version)
    {
        var outcome = AppPackageBuilder.Build(AppPackageSource.Embedded(), new AppPackageSettings(BuiltPackage.AppId, Version: version));

        Assert.Null(outcome.Package);
        Assert.StartsWith($"--version '{version}' is not MAJOR.MINOR.PATCH", Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAManifestWithAPlaceholderNobodyFills()
    {
        var source = WithManifest(manifest => manifest["developer"]!["websiteUrl"] = "https://{{COUNCIL_DOMAIN}}/pprrbot");

        var outcome = AppPackageBuilder.Build(source, new AppPackageSettings(BuiltPackage.AppId));

        Assert.Null(outcome.Package);
        Assert.Contains("{{COUNCIL_DOMAIN}}", Assert.Single(outcome.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAManifestWhoseIconIsNotBesideIt()
    {
        var source = WithManifest(manifest => manifest["icons"]!["outline"] = "outline-32.png");

        var outcome = AppPackageBuilder.Build(source, new AppPackageSettings(BuiltPackage.AppId));

        Assert.Null(outcome.Package);
        Assert.Equal("The outline icon 'outline-32.png' named in the manifest is not beside manifest.json.", Assert.Single(outcome.Problems));
    }

    [Fact]
    public void RejectsAManifestWhoseBotIsNotTheApp()
    {
        var source = WithManifest(manifest => manifest["bots"]![0]!["botId"] = "6d3a1b5e-2c47-4f0a-9b8e-1f2a3c4d5e6f");

        var outcome = AppPackageBuilder.Build(source, new AppPackageSettings(BuiltPackage.AppId));

        Assert.Null(outcome.Package);
        Assert.Equal("The manifest must have one bot whose botId is {{APP_ID}}.", Assert.Single(outcome.Problems));
    }

    private static AppPackageSource WithManifest(Action<JsonObject> change)
    {
        var embedded = AppPackageSource.Embedded();
        var manifest = JsonNode.Parse(embedded.ManifestTemplate)!.AsObject();
        change(manifest);
        return embedded with { ManifestTemplate = manifest.ToJsonString() };
    }
}
