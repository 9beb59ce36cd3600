using SkiaSharp;

namespace PprrBot.Tests.AppPackage;

public class AppIconTests
{
    private readonly BuiltPackage _package = BuiltPackage.Build();

    [Fact]
    public void ColourIconIs192PixelsSquare()
    {
        var header = PngHeader.Read(_package.Entries["color.png"]);

        Assert.Equal((192, 192), (header.Width, header.Height));
    }

    [Fact]
    public void OutlineIconIs32PixelsSquareWithAnAlphaChannel()
    {
        var header = PngHeader.Read(_package.Entries["outline.png"]);

        Assert.Equal((32, 32), (header.Width, header.Height));
        Assert.Equal(PngHeader.TrueColourWithAlpha, header.ColourType);
    }

    [Fact]
    public void OutlineIconIsWhiteOnATransparentBackground()
    {
        var pixels = Decode(_package.Entries["outline.png"]);

        Assert.All(pixels.Where(p => p.Alpha > 0), p => Assert.True(p.Red >= 250 && p.Green >= 250 && p.Blue >= 250, $"non-white pixel {p}"));
        Assert.Equal(0, Corner(pixels, 32).Alpha);
        var opaqueShare = pixels.Count(p => p.Alpha == 255) / (double)pixels.Length;
        Assert.InRange(opaqueShare, 0.25, 0.75);
    }

    [Fact]
    public void ColourIconIsAnOpaqueFullColourTile()
    {
        var pixels = Decode(_package.Entries["color.png"]);

        var centre = pixels[(96 * 192) + 96];
        Assert.Equal(255, centre.Alpha);
        Assert.True(pixels.Count(p => p.Alpha == 255) > 0.9 * pixels.Length, "the tile should fill the icon");
        var hues = pixels.Where(p => p.Alpha == 255).Select(p => { p.ToHsv(out var hue, out var saturation, out _); return saturation > 0.4 ? (int)(hue / 30) : -1; })
            .Where(h => h >= 0).Distinct().Count();
        Assert.True(hues >= 3, $"expected a full-colour icon, found {hues} hue bands");
    }

    private static SKColor[] Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png, new SKImageInfo(PngHeader.Read(png).Width, PngHeader.Read(png).Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        return bitmap.Pixels;
    }

    private static SKColor Corner(SKColor[] pixels, int width) => pixels[(width * width) - 1];
}
