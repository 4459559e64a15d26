using CstmML.Core.Hashing;

namespace CstmML.Features.Featurization;

/// <summary>
/// Rolling 1-3-gram hashes of one token stream. Gives the same hashes as hashing each n-gram from scratch
/// (<c>Combine(...Combine(Combine(offset ^ seed, n), t1)..., tn)</c>) but keeps the prefixes, so each token costs a
/// few independent 4-byte FNV steps instead of one long dependent chain.
/// </summary>
internal struct NgramStream
{
    private const uint FnvOffset32 = 2166136261;

    private readonly uint _start1;
    private readonly uint _start2;
    private readonly uint _start3;
    private uint _bigramPrefix;
    private uint _trigramPrefix;
    private uint _trigramSeed;
    private int _count;

    public NgramStream(uint seed)
    {
        _start1 = Start(seed, 1);
        _start2 = Start(seed, 2);
        _start3 = Start(seed, 3);
    }

    /// <summary>The last token added.</summary>
    public uint Last { get; private set; }

    /// <summary>The hash every n-gram of order <paramref name="order"/> starts from.</summary>
    public static uint Start(uint seed, int order) => StableHash.Combine(FnvOffset32 ^ seed, (uint)order);

    /// <summary>Counts the n-grams ending at <paramref name="token"/> into <paramref name="block"/>.</summary>
    public void Add(uint token, Span<float> block)
    {
        var buckets = (uint)block.Length;
        block[(int)(StableHash.Combine(_start1, token) % buckets)] += 1f;
        if (_count >= 1)
        {
            block[(int)(StableHash.Combine(_bigramPrefix, token) % buckets)] += 1f;
        }

        if (_count >= 2)
        {
            block[(int)(StableHash.Combine(_trigramPrefix, token) % buckets)] += 1f;
        }

        // Prefixes for the next token: trigram = (prev, this), bigram = (this).
        _trigramPrefix = StableHash.Combine(_trigramSeed, token);
        _trigramSeed = StableHash.Combine(_start3, token);
        _bigramPrefix = StableHash.Combine(_start2, token);
        _count++;
        Last = token;
    }
}
