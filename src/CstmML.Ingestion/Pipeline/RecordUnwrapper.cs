using System.Text.Json;

namespace CstmML.Ingestion.Pipeline;

/// <summary>
/// Removes generic per-record wrappers before sources see a record: Amazon EventBridge events (<c>detail-type</c>
/// beside a <c>detail</c> object) and Splunk HTTP Event Collector events (an <c>event</c> object beside
/// <c>time</c>/<c>host</c>/<c>source</c>/<c>sourcetype</c>/<c>index</c>).
/// </summary>
public static class RecordUnwrapper
{
    /// <summary>EventBridge: the event kind.</summary>
    public const string EventBridgeDetailType = "detail-type";

    /// <summary>EventBridge: the wrapped payload.</summary>
    public const string EventBridgeDetail = "detail";

    /// <summary>Splunk HEC: the wrapped payload.</summary>
    public const string HecEvent = "event";

    /// <summary>Splunk HEC metadata keys; one of them must sit beside <see cref="HecEvent"/>.</summary>
    public static IReadOnlyList<string> HecMetadata { get; } = ["time", "host", "source", "sourcetype", "index"];

    // A HEC event carrying an EventBridge event is two layers; more than that is not a known wrapper.
    private const int MaxLayers = 3;

    /// <summary>The innermost payload of <paramref name="record"/> (the record itself when it has no wrapper).</summary>
    public static JsonElement Unwrap(JsonElement record)
    {
        for (var i = 0; i < MaxLayers && record.ValueKind == JsonValueKind.Object; i++)
        {
            if (record.TryGetProperty(EventBridgeDetail, out var detail) && detail.ValueKind == JsonValueKind.Object &&
                record.TryGetProperty(EventBridgeDetailType, out var kind) && kind.ValueKind == JsonValueKind.String)
            {
                record = detail;
                continue;
            }

            if (record.TryGetProperty(HecEvent, out var ev) && ev.ValueKind == JsonValueKind.Object && HasHecMetadata(record))
            {
                record = ev;
                continue;
            }

            break;
        }

        return record;
    }

    private static bool HasHecMetadata(JsonElement record)
    {
        foreach (var key in HecMetadata)
        {
            if (record.TryGetProperty(key, out _))
            {
                return true;
            }
        }

        return false;
    }
}
