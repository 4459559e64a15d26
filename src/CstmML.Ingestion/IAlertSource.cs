using System.Text.Json;
using CstmML.Core.Alerts;

namespace CstmML.Ingestion;

/// <summary>
/// One provider format (GuardDuty, CloudTrail, Defender, SCC, Prisma). Each lives in <c>Sources/{Name}/</c> with the
/// same cast of files. Implementations are stateless and thread-safe, and never throw on bad data: failure is a
/// <see cref="NormalizeResult"/>.
/// </summary>
public interface IAlertSource
{
    /// <summary>The <c>--format</c> name, e.g. <c>cloudtrail</c>.</summary>
    string Name { get; }

    CloudProvider Provider { get; }

    AlertProduct Product { get; }

    /// <summary>
    /// A cheap structural check used by format auto-detection on one record (envelopes already removed by the
    /// reader: EventBridge <c>detail</c>, Splunk HEC <c>event</c>, container arrays such as <c>Records</c>).
    /// </summary>
    bool Matches(JsonElement record);

    /// <summary>Normalizes one record. Never throws for bad input.</summary>
    NormalizeResult Normalize(JsonElement record, RawRef rawRef);

    /// <summary>The alert types this source has mappings for (for <c>cstm coverage</c>).</summary>
    IReadOnlyList<KnownAlertType> KnownTypes { get; }
}
