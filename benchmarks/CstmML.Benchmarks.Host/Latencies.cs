using System.Globalization;

namespace CstmML.Benchmarks.Host;

/// <summary>Collected latencies (ms) and their percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _lock = new();

    public void Add(double ms)
    {
        lock (_lock)
        {
            _ms.Add(ms);
        }
    }

    public int Count => _ms.Count;

    /// <summary>The <paramref name="q"/> quantile (0..1) in ms, NaN without samples.</summary>
    public double Percentile(double q)
    {
        double[] s;
        lock (_lock)
        {
            s = [.. _ms.Order()];
        }

        return s.Length == 0 ? double.NaN : s[Math.Min(s.Length - 1, Math.Max(0, (int)Math.Ceiling(q * s.Length) - 1))];
    }

    public string Summary()
    {
        var s = _ms.Order().ToArray();
        if (s.Length == 0)
        {
            return "no samples";
        }

        double P(double q) => s[Math.Min(s.Length - 1, (int)Math.Ceiling(q * s.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"n={s.Length} p50={P(0.50):F2}ms p90={P(0.90):F2}ms p99={P(0.99):F2}ms max={s[^1]:F2}ms");
    }
}
