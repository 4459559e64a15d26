namespace CstmML.Host.Contracts;

/// <summary>The routes of the host (a contract).</summary>
public static class HostRoutes
{
    public const string Score = "/v1/score";
    public const string Alerts = "/v1/alerts";
    public const string Detections = "/v1/detections";
    public const string Models = "/v1/models";
    public const string Live = "/healthz";
    public const string Ready = "/readyz";
    public const string Metrics = "/metrics";
    public const string OpenApi = "/openapi/v1.json";
}
