using System.Buffers.Binary;

namespace PprrBot.Tests.AppPackage;

/// <summary>The PNG signature and IHDR chunk: size and colour type, read straight from the bytes Teams receives.</summary>
internal sealed record PngHeader(int Width, int Height, int BitDepth, int ColourType)
{
    public const int TrueColourWithAlpha = 6;

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static PngHeader Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return new PngHeader(
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)),
            png[24],
            png[25]);
    }
}
