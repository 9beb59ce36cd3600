namespace PprrBot.AppPackage;

/// <summary>Either the package's zip bytes, or every reason it could not be built (nothing is written then).</summary>
internal sealed record AppPackageOutcome(byte[]? Package, IReadOnlyList<string> Problems)
{
    public static AppPackageOutcome Built(byte[] package) => new(package, []);

    public static AppPackageOutcome Rejected(IReadOnlyList<string> problems) => new(null, problems);
}
