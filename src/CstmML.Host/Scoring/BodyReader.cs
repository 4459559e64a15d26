using System.Runtime.InteropServices;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Core.Serialization;
using CstmML.Features.Sequencing;
using CstmML.Ingestion;
using CstmML.Ingestion.Pipeline;

namespace CstmML.Host.Scoring;

/// <summary>
/// Turns a request body into normalized alerts with the same <see cref="AlertPipeline"/> the CLI uses: any format the
/// ingestion reads, mixed in one body (JSON array, JSON Lines, provider envelopes). A body that is an object with a
/// <c>sequences</c> array holds pre-built sequences: <c>{"sequences":[{"alerts":[...raw alerts of one principal...]}]}</c>.
/// </summary>
internal sealed class BodyReader(SourceRegistry sources, int maxAlerts, int maxDepth)
{
    /// <summary>The name rejects carry as their file.</summary>
    public const string RequestName = "request";

    private const string SequencesProperty = "sequences";
    private const string AlertsProperty = "alerts";

    // Shared by every request: the options are immutable once built (a pipeline's state is per request).
    private readonly PipelineOptions _pipelineOptions = new() { Reader = new ReaderOptions { MaxDepth = maxDepth } };

    /// <summary>Reads a body; thread-safe (each call runs its own pipeline). The alerts do not reference <paramref name="body"/>.</summary>
    public ParsedBody Read(ArraySegment<byte> body) =>
        IsSequencesEnvelope(body) ? ReadSequences(body) : ReadAlerts(body);

    private ParsedBody ReadAlerts(ArraySegment<byte> body)
    {
        var rejects = new List<RejectRecord>();
        var alerts = new List<NormalizedAlert>();
        var tooMany = !Collect(body, RequestName, alerts, rejects, maxAlerts);
        return new ParsedBody(alerts, null, rejects, tooMany);
    }

    private ParsedBody ReadSequences(ArraySegment<byte> body)
    {
        var rejects = new List<RejectRecord>();
        var all = new List<NormalizedAlert>();
        var sequences = new List<AlertSequence>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body.AsMemory(), new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException ex)
        {
            rejects.Add(new RejectRecord(RequestName, (int)(ex.LineNumber ?? 0) + 1, null, $"invalid JSON: {ex.Message}"));
            return new ParsedBody(all, sequences, rejects, false);
        }

        using (doc)
        {
            if (doc.RootElement.GetProperty(SequencesProperty) is not { ValueKind: JsonValueKind.Array } items)
            {
                rejects.Add(new RejectRecord(RequestName, 1, null, "'sequences' must be an array", SequencesProperty));
                return new ParsedBody(all, sequences, rejects, false);
            }

            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                var name = $"{RequestName}#sequences[{index}]";
                index++;
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(AlertsProperty, out var raw) || raw.ValueKind != JsonValueKind.Array)
                {
                    rejects.Add(new RejectRecord(name, 0, null, "a sequence must be an object with an 'alerts' array", AlertsProperty));
                    continue;
                }

                var alerts = new List<NormalizedAlert>();
                if (!Collect(JsonMarshal.GetRawUtf8Value(raw).ToArray(), name, alerts, rejects, maxAlerts - all.Count))
                {
                    return new ParsedBody(all, sequences, rejects, true);
                }

                if (alerts.Count == 0)
                {
                    rejects.Add(new RejectRecord(name, 0, null, "the sequence has no valid alert", AlertsProperty));
                    continue;
                }

                var keys = alerts.Select(a => new SequenceKey(a.Account, a.Principal)).Distinct().ToList();
                if (keys.Count != 1)
                {
                    rejects.Add(new RejectRecord(name, 0, null, $"a sequence must hold one (account, principal); found {keys.Count}", AlertsProperty));
                    continue;
                }

                alerts.Sort(SequenceBuilder.Order);
                all.AddRange(alerts);
                sequences.Add(SequenceBuilder.Build(keys[0], alerts));
            }
        }

        return new ParsedBody(all, sequences, rejects, false);
    }

    // False when more than `limit` alerts were found (reading stops there).
    private bool Collect(ArraySegment<byte> json, string name, List<NormalizedAlert> alerts, List<RejectRecord> rejects, int limit)
    {
        var pipeline = new AlertPipeline(sources, _pipelineOptions, rejects.Add);
        foreach (var alert in pipeline.RunStream(new MemoryStream(json.Array!, json.Offset, json.Count, writable: false), name))
        {
            if (alerts.Count >= limit)
            {
                return false;
            }

            alerts.Add(alert);
        }

        return true;
    }

    private static bool IsSequencesEnvelope(ArraySegment<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(SequencesProperty);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
