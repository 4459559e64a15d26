using System.Collections.Concurrent;

namespace CstmML.Host.Metrics;

/// <summary>
/// The host's counters, written as Prometheus text by <see cref="PrometheusText"/>: requests and latency by route and
/// status, alerts accepted, detections, open sessions and the serving model. Lock-free increments.
/// </summary>
internal sealed class HostMetrics
{
    /// <summary>Latency histogram bucket bounds in seconds.</summary>
    public static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<(string Route, string Method, int Status), RequestSeries> _requests = new();
    private long _alertsAccepted;
    private long _alertsDuplicate;
    private long _detections;
    private long _modelLoadFailures;
    private long _openSessions;
    private volatile ModelLabel? _model;

    /// <summary>Records one finished request.</summary>
    public void Request(string route, string method, int status, double seconds) =>
        _requests.GetOrAdd((route, method, status), _ => new RequestSeries()).Observe(seconds);

    public void AlertsAccepted(int accepted, int duplicates)
    {
        Interlocked.Add(ref _alertsAccepted, accepted);
        Interlocked.Add(ref _alertsDuplicate, duplicates);
    }

    public void Detections(int count) => Interlocked.Add(ref _detections, count);

    public void OpenSessionsChanged(long delta) => Interlocked.Add(ref _openSessions, delta);

    public void ModelLoaded(string name, string version) => _model = new ModelLabel(name, version);

    public void ModelLoadFailed() => Interlocked.Increment(ref _modelLoadFailures);

    internal IEnumerable<KeyValuePair<(string Route, string Method, int Status), RequestSeries>> RequestSeriesSnapshot =>
        _requests.OrderBy(kv => kv.Key.Route, StringComparer.Ordinal).ThenBy(kv => kv.Key.Method, StringComparer.Ordinal).ThenBy(kv => kv.Key.Status);

    internal long AlertsAcceptedTotal => Interlocked.Read(ref _alertsAccepted);

    internal long AlertsDuplicateTotal => Interlocked.Read(ref _alertsDuplicate);

    internal long DetectionsTotal => Interlocked.Read(ref _detections);

    internal long ModelLoadFailures => Interlocked.Read(ref _modelLoadFailures);

    internal long OpenSessions => Interlocked.Read(ref _openSessions);

    internal ModelLabel? Model => _model;
}
