namespace CstmML.Host.Configuration;

/// <summary>The documented defaults of <see cref="ScoringHostOptions"/>.</summary>
public static class ScoringHostDefaults
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string Section = "ScoringHost";

    /// <summary>At most this many alerts per request (both /v1/score and /v1/alerts): bounds latency and memory of one call.</summary>
    public const int MaxAlertsPerRequest = 5_000;

    /// <summary>Largest request body (16 MiB): 5,000 alerts of ~3 KiB fit.</summary>
    public const long MaxRequestBytes = 16L * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted in a body; provider records nest far less.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>Requests per second per API key (token bucket, bursts up to the same number).</summary>
    public const int RequestsPerSecondPerKey = 1_000;

    /// <summary>A request taking longer is cancelled with 504.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Risk (0-100) at or above which a streaming session emits a detection.</summary>
    public const int RiskThreshold = 70;

    /// <summary>How often the model folder is checked for a newly published model; zero disables hot reload.</summary>
    public static readonly TimeSpan ModelPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Detections returned per page unless <c>limit</c> says otherwise.</summary>
    public const int DetectionsPageSize = 100;

    /// <summary>The largest <c>limit</c> accepted by GET /v1/detections.</summary>
    public const int MaxDetectionsPageSize = 1_000;

    /// <summary>Lateness of the stateless /v1/score sequencer: a request is a batch whose alerts may come in any order (as <c>cstm sequences</c>/<c>cstm score</c>).</summary>
    public static readonly TimeSpan BatchLateness = TimeSpan.FromDays(1);

    /// <summary>
    /// Longest warm-up of a newly loaded model before it serves (the built-in sample through the request paths until
    /// the JIT is quiet): counts toward cold start, and spares the first requests the compilation. Zero disables it.
    /// </summary>
    public static readonly TimeSpan WarmupBudget = TimeSpan.FromMilliseconds(300);

    /// <summary>Threads that score one streaming group's sessions (in chunks); 0 = one per core.</summary>
    public const int StreamScoringThreads = 0;

    /// <summary>
    /// An open session is re-scored at once when it has grown by at least this fraction of the alerts it had at its
    /// last score (at least one alert); smaller growth waits for <see cref="RescoreInterval"/>. Geometric growth keeps
    /// the re-scoring of a session linear in its final size instead of quadratic. 0 re-scores on every new alert.
    /// </summary>
    public const double RescoreGrowth = 0.25;

    /// <summary>
    /// Longest time (host clock) an open session's new alerts wait for a re-score: every interval, each open session
    /// that grew since its last score is scored. Bounds the delay of a risk-threshold detection.
    /// </summary>
    public static readonly TimeSpan RescoreInterval = TimeSpan.FromSeconds(5);
}
