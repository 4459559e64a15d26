using System.Globalization;
using System.Text;

namespace CstmML.Host.Metrics;

/// <summary>Writes <see cref="HostMetrics"/> in the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(HostMetrics m)
    {
        var sb = new StringBuilder();
        var series = m.RequestSeriesSnapshot.ToList();
        Header(sb, MetricNames.Requests, "counter", "HTTP requests by route, method and status.");
        foreach (var (k, s) in series)
        {
            sb.Append(MetricNames.Requests).Append(Labels(k)).Append(' ').Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Header(sb, MetricNames.Duration, "histogram", "HTTP request latency in seconds by route, method and status.");
        foreach (var (k, s) in series)
        {
            var cumulative = s.Cumulative();
            var labels = Labels(k);
            for (var i = 0; i < cumulative.Length; i++)
            {
                var le = HostMetrics.Buckets[i].ToString(CultureInfo.InvariantCulture);
                sb.Append(MetricNames.Duration).Append("_bucket").Append(labels[..^1]).Append(",le=\"").Append(le).Append("\"} ")
                    .Append(cumulative[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            sb.Append(MetricNames.Duration).Append("_bucket").Append(labels[..^1]).Append(",le=\"+Inf\"} ").Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            sb.Append(MetricNames.Duration).Append("_sum").Append(labels).Append(' ').Append(s.SumSeconds.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            sb.Append(MetricNames.Duration).Append("_count").Append(labels).Append(' ').Append(s.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Single(sb, MetricNames.AlertsAccepted, "counter", "Alerts durably stored by POST /v1/alerts.", m.AlertsAcceptedTotal);
        Single(sb, MetricNames.AlertsDuplicate, "counter", "Alerts ignored because their id was already stored.", m.AlertsDuplicateTotal);
        Single(sb, MetricNames.Detections, "counter", "Streaming detections emitted.", m.DetectionsTotal);
        Single(sb, MetricNames.OpenSessions, "gauge", "Open per-principal sessions over all tenants.", m.OpenSessions);
        Single(sb, MetricNames.ModelLoadFailures, "counter", "Model loads refused (the previous model kept serving).", m.ModelLoadFailures);
        Header(sb, MetricNames.ModelInfo, "gauge", "The serving model (value 1).");
        if (m.Model is { } model)
        {
            sb.Append(MetricNames.ModelInfo).Append("{name=\"").Append(Escape(model.Name)).Append("\",version=\"").Append(Escape(model.Version)).Append("\"} 1\n");
        }

        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string name, string type, string help) =>
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Single(StringBuilder sb, string name, string type, string help, long value)
    {
        Header(sb, name, type, help);
        sb.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Labels((string Route, string Method, int Status) k) =>
        $"{{route=\"{Escape(k.Route)}\",method=\"{Escape(k.Method)}\",status=\"{k.Status.ToString(CultureInfo.InvariantCulture)}\"}}";

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
