using System.Globalization;
using CstmML.Core.Hashing;

namespace CstmML.Training.Simulation;

/// <summary>
/// A seeded random stream with the draws the simulator needs. Each concern gets its own stream, derived from the seed
/// and a stream name by a stable hash, so adding draws to one stream does not shift the others.
/// </summary>
internal sealed class SimRandom
{
    private readonly Random _random;

    public SimRandom(int seed) => _random = new Random(seed);

    /// <summary>The stream named <paramref name="stream"/> of run <paramref name="seed"/>.</summary>
    public static SimRandom For(int seed, string stream) =>
        new((int)(StableHash.Fnv1a64(string.Create(CultureInfo.InvariantCulture, $"{seed}/{stream}")) & 0x7FFFFFFF));

    public double NextDouble() => _random.NextDouble();

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Between(int min, int max) => max <= min ? min : _random.Next(min, max + 1);

    public bool Chance(double p) => p >= 1 || (p > 0 && _random.NextDouble() < p);

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>Log-normal with the given median and shape (sigma of the log).</summary>
    public double LogNormal(double median, double sigma)
    {
        // Box-Muller: one standard normal draw.
        var u1 = 1 - _random.NextDouble();
        var u2 = _random.NextDouble();
        var z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return median * Math.Exp(sigma * z);
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks an item with probability proportional to its weight.</summary>
    public T PickWeighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, w) in items)
        {
            total += w;
        }

        var x = _random.NextDouble() * total;
        foreach (var (item, w) in items)
        {
            x -= w;
            if (x < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>Fisher-Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A version-4 GUID from this stream (never <see cref="Guid.NewGuid"/>).</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary><paramref name="length"/> lower-case hex digits.</summary>
    public string Hex(int length) => Chars(length, "0123456789abcdef");

    /// <summary><paramref name="length"/> characters from upper-case letters and digits (AWS key ids).</summary>
    public string UpperAlnum(int length) => Chars(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");

    public string Digits(int length) => Chars(length, "0123456789");

    private string Chars(int length, string alphabet)
    {
        return string.Create(length, (this, alphabet), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[state.Item1._random.Next(state.alphabet.Length)];
            }
        });
    }
}
