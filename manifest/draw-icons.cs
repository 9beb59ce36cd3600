// Draws the Teams app icons: color.png (192x192, full colour) and outline.png (32x32, white on transparent).
// Run from this folder after changing the design: `dotnet run draw-icons.cs` (writes beside this file's working
// directory, or into the folder given as the first argument), then look at both PNGs and rebuild pprrbot.
#:package SkiaSharp
#:package SkiaSharp.NativeAssets.Linux.NoDependencies

using SkiaSharp;

var outputFolder = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();

// The manifest's accentColor; Teams shows it behind the outline icon, so the tile uses the same colour.
var accent = SKColor.Parse("#0B6E69");
var accentDark = SKColor.Parse("#084F4B");

// RAG colours for the bars: the icon says "performance report" at a glance. These are decoration only;
// the bot itself never signals RAG by colour alone.
SKColor[] barColours = [SKColor.Parse("#C62828"), SKColor.Parse("#E8A317"), SKColor.Parse("#2E7D32")];

Save(DrawColour(), Path.Combine(outputFolder, "color.png"));
Save(DrawOutline(), Path.Combine(outputFolder, "outline.png"));

SKBitmap DrawColour()
{
    var bitmap = new SKBitmap(new SKImageInfo(192, 192, SKColorType.Rgba8888, SKAlphaType.Unpremul));
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(SKColors.Transparent);

    using var tile = new SKPaint
    {
        IsAntialias = true,
        Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 192), [accent, accentDark], SKShaderTileMode.Clamp),
    };
    canvas.DrawRoundRect(new SKRect(0, 0, 192, 192), 36, 36, tile);

    // The glyph keeps inside the central 120x120 so it survives Teams' own rounding and scaling.
    using var bubble = SpeechBubble(new SKRect(38, 40, 154, 128), radius: 18, tailLeft: 58, tailWidth: 30, tailDepth: 26);
    using var shadow = new SKPaint { IsAntialias = true, Color = accentDark.WithAlpha(140) };
    canvas.Save();
    canvas.Translate(0, 4);
    canvas.DrawPath(bubble, shadow);
    canvas.Restore();
    using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
    canvas.DrawPath(bubble, white);

    float[] heights = [26, 42, 58];
    for (var i = 0; i < heights.Length; i++)
    {
        using var bar = new SKPaint { IsAntialias = true, Color = barColours[i] };
        var left = 62 + (i * 26);
        canvas.DrawRoundRect(new SKRect(left, 112 - heights[i], left + 18, 112), 3, 3, bar);
    }

    using var baseline = new SKPaint { IsAntialias = true, Color = accent, StrokeWidth = 4, StrokeCap = SKStrokeCap.Round };
    canvas.DrawLine(56, 114, 136, 114, baseline);
    return bitmap;
}

SKBitmap DrawOutline()
{
    // Drawn on whole pixels so the 32x32 glyph stays crisp; the bars are holes, so Teams' accent shows through.
    var bitmap = new SKBitmap(new SKImageInfo(32, 32, SKColorType.Rgba8888, SKAlphaType.Unpremul));
    using var canvas = new SKCanvas(bitmap);
    canvas.Clear(SKColors.Transparent);

    using var bubble = SpeechBubble(new SKRect(2, 3, 30, 23), radius: 4, tailLeft: 6, tailWidth: 7, tailDepth: 6);
    using var bars = new SKPath();
    float[] heights = [5, 8, 11];
    for (var i = 0; i < heights.Length; i++)
    {
        var left = 7 + (i * 7);
        bars.AddRect(new SKRect(left, 19 - heights[i], left + 4, 19));
    }

    using var glyph = bubble.Op(bars, SKPathOp.Difference);
    using var white = new SKPaint { IsAntialias = true, Color = SKColors.White };
    canvas.DrawPath(glyph, white);
    return bitmap;
}

static SKPath SpeechBubble(SKRect body, float radius, float tailLeft, float tailWidth, float tailDepth)
{
    using var rounded = new SKPath();
    rounded.AddRoundRect(body, radius, radius);
    using var tail = new SKPath();
    tail.MoveTo(tailLeft, body.Bottom - 1);
    tail.LineTo(tailLeft - (tailWidth / 6), body.Bottom + tailDepth);
    tail.LineTo(tailLeft + tailWidth, body.Bottom - 1);
    tail.Close();
    return rounded.Op(tail, SKPathOp.Union);
}

static void Save(SKBitmap bitmap, string file)
{
    using (bitmap)
    using (var stream = File.Create(file))
    {
        bitmap.Encode(stream, SKEncodedImageFormat.Png, 100);
        Console.WriteLine($"{file}: {bitmap.Width}x{bitmap.Height}");
    }
}
