namespace CstmML.Host.Logging;

/// <summary>The host's source-generated log messages (structured: every value is a named property).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Model {Name} {Version} is serving")]
    public static partial void ModelLoaded(ILogger logger, string name, string version);

    [LoggerMessage(2, LogLevel.Error, "Model refused ({Error}: {Reason}); the previous model keeps serving")]
    public static partial void ModelRefused(ILogger logger, string error, string reason);

    [LoggerMessage(3, LogLevel.Information, "Store opened in WAL mode; replaying {Alerts} alerts of {Tenants} tenants to rebuild open sessions")]
    public static partial void Replaying(ILogger logger, int alerts, int tenants);

    [LoggerMessage(4, LogLevel.Information, "Replay done: {OpenSessions} open sessions, {Detections} new detections")]
    public static partial void Replayed(ILogger logger, long openSessions, int detections);

    [LoggerMessage(5, LogLevel.Warning, "No model loaded at start: sessions were rebuilt but not scored")]
    public static partial void ReplayUnscored(ILogger logger);

    [LoggerMessage(6, LogLevel.Information, "Tenant {Tenant}: accepted {Accepted}, duplicates {Duplicates}, rejected {Rejected}, detections {Detections}")]
    public static partial void AlertsIngested(ILogger logger, string tenant, int accepted, int duplicates, int rejected, int detections);

    [LoggerMessage(7, LogLevel.Information, "Store flushed and closed")]
    public static partial void StoreClosed(ILogger logger);

    [LoggerMessage(8, LogLevel.Error, "Unhandled error on {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);

    [LoggerMessage(9, LogLevel.Information, "Warm-up: {Rounds} rounds of the built-in sample in {Milliseconds} ms (JIT quiet: {Quiet})")]
    public static partial void WarmedUp(ILogger logger, int rounds, long milliseconds, bool quiet);

    [LoggerMessage(10, LogLevel.Warning, "Re-scoring deferred sessions failed; the next interval retries")]
    public static partial void RescoreFailed(ILogger logger, Exception exception);
}
