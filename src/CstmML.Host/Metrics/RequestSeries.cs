namespace CstmML.Host.Metrics;

/// <summary>Count, latency sum and histogram buckets of one (route, method, status).</summary>
internal sealed class RequestSeries
{
    private readonly long[] _buckets = new long[HostMetrics.Buckets.Length];
    private long _count;
    private long _sumMicros;

    public void Observe(double seconds)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _sumMicros, (long)(seconds * 1e6));
        for (var i = 0; i < _buckets.Length; i++)
        {
            if (seconds <= HostMetrics.Buckets[i])
            {
                Interlocked.Increment(ref _buckets[i]);
                break;
            }
        }
    }

    public long Count => Interlocked.Read(ref _count);

    public double SumSeconds => Interlocked.Read(ref _sumMicros) / 1e6;

    /// <summary>Cumulative bucket counts (Prometheus <c>le</c> semantics).</summary>
    public long[] Cumulative()
    {
        var result = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Interlocked.Read(ref _buckets[i]);
            result[i] = running;
        }

        return result;
    }
}
