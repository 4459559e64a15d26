namespace CstmML.Features.Tests.Featurization;

/// <summary>
/// An independent FNV-1a (32-bit) written from the published algorithm, used to check that n-gram slots follow the
/// hashing documented in docs/features.md rather than whatever the featurizer happens to do.
/// </summary>
internal static class ReferenceFnv
{
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>FNV-1a over the two bytes (low, high) of each UTF-16 unit, starting from offset XOR seed.</summary>
    public static uint Token(string text, uint seed)
    {
        var h = Offset ^ seed;
        foreach (var c in text)
        {
            h = (h ^ (c & 0xFFu)) * Prime;
            h = (h ^ (uint)(c >> 8)) * Prime;
        }

        return h;
    }

    /// <summary>FNV-1a continued over the 4 little-endian bytes of the order, then of each token hash.</summary>
    public static uint Ngram(uint seed, params uint[] tokens)
    {
        var h = Offset ^ seed;
        h = Bytes(h, (uint)tokens.Length);
        foreach (var t in tokens)
        {
            h = Bytes(h, t);
        }

        return h;
    }

    private static uint Bytes(uint h, uint value)
    {
        for (var i = 0; i < 4; i++)
        {
            h = (h ^ ((value >> (8 * i)) & 0xFF)) * Prime;
        }

        return h;
    }
}
