namespace CstmML.Host.Metrics;

/// <summary>The Prometheus metric names (a contract for dashboards).</summary>
internal static class MetricNames
{
    public const string Requests = "cstm_http_requests_total";
    public const string Duration = "cstm_http_request_duration_seconds";
    public const string AlertsAccepted = "cstm_alerts_accepted_total";
    public const string AlertsDuplicate = "cstm_alerts_duplicate_total";
    public const string Detections = "cstm_detections_total";
    public const string OpenSessions = "cstm_open_sessions";
    public const string ModelInfo = "cstm_model_info";
    public const string ModelLoadFailures = "cstm_model_load_failures_total";
}
