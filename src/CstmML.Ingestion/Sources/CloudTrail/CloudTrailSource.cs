using System.Buffers;
using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Identity;
using CstmML.Ingestion.Json;
using CstmML.Ingestion.Mapping;
using F = CstmML.Ingestion.Sources.CloudTrail.CloudTrailFields;

namespace CstmML.Ingestion.Sources.CloudTrail;

/// <summary>
/// AWS CloudTrail records (log files, JSON Lines, EventBridge, CloudTrail Lake rows, Logstash/Splunk re-ships).
/// Stateless and thread-safe; the hot path does dictionary lookups only (see README.md for the rules).
/// </summary>
internal sealed class CloudTrailSource : IAlertSource
{
    /// <summary>The <c>--format</c> name.</summary>
    public const string FormatName = "cloudtrail";

    /// <summary>Severity of a CloudTrail Insights event (an API-rate anomaly).</summary>
    public const double InsightSeverity = 4;

    private const string GpuRule = "curated:RunInstances:gpu-instance";

    private readonly CloudTrailMappings _mappings;

    public CloudTrailSource(CloudTrailMappings? mappings = null) => _mappings = mappings ?? CloudTrailMappings.Default;

    /// <summary>The shared instance over the embedded table.</summary>
    public static CloudTrailSource Instance { get; } = new();

    public string Name => FormatName;

    public CloudProvider Provider => CloudProvider.Aws;

    public AlertProduct Product => AlertProduct.CloudTrail;

    public IReadOnlyList<KnownAlertType> KnownTypes => _mappings.KnownTypes;

    public bool Matches(JsonElement record)
    {
        if (record.ValueKind == JsonValueKind.Array)
        {
            return IsLakeRow(record);
        }

        if (record.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (record.Prop(F.DetailType) is not null && record.Prop(F.Detail) is { ValueKind: JsonValueKind.Object } detail)
        {
            return Matches(detail);
        }

        if (record.Prop(F.EventData) is { ValueKind: JsonValueKind.Object } data)
        {
            return Matches(data);
        }

        return record.Prop(F.EventVersion) is not null &&
            (record.Prop(F.EventName) is not null || record.Prop(F.EventSource) is not null || record.Prop(F.InsightDetails) is not null);
    }

    public NormalizeResult Normalize(JsonElement record, RawRef rawRef)
    {
        ArgumentNullException.ThrowIfNull(rawRef);
        try
        {
            switch (record.ValueKind)
            {
                case JsonValueKind.Object:
                    break;
                case JsonValueKind.Array when IsLakeRow(record):
                    using (var lake = LakeRowToObject(record))
                    {
                        return NormalizeRecord(lake.RootElement, rawRef);
                    }

                default:
                    return NormalizeResult.Fail($"a CloudTrail record must be a JSON object, got {record.ValueKind}", "$");
            }

            if (record.Prop(F.DetailType) is not null && record.Prop(F.Detail) is { ValueKind: JsonValueKind.Object } detail)
            {
                record = detail;
            }

            switch (record.Prop(F.EventData))
            {
                case { ValueKind: JsonValueKind.Object } data:
                    return NormalizeRecord(data, rawRef);
                case { ValueKind: JsonValueKind.String } text when record.Prop(F.EventName) is null:
                    using (var doc = JsonDocument.Parse(text.GetString()!))
                    {
                        return doc.RootElement.ValueKind == JsonValueKind.Object
                            ? NormalizeRecord(doc.RootElement, rawRef)
                            : NormalizeResult.Fail("eventData must hold a JSON object", F.EventData);
                    }

                default:
                    return NormalizeRecord(record, rawRef);
            }
        }
        catch (JsonException ex)
        {
            // Only the nested JSON strings (eventData, Lake columns) are parsed here.
            return NormalizeResult.Fail("nested JSON is malformed: " + ex.Message, F.EventData);
        }
    }

    private NormalizeResult NormalizeRecord(JsonElement r, RawRef rawRef)
    {
        // One pass over the properties instead of a lookup per field: this is the hot path of `cstm map`.
        var f = default(RecordFields);
        f.Scan(r);

        // Time: eventTime; re-shipped records that lost it fall back to the pipeline's @timestamp.
        var timeField = F.EventTime;
        var timeEl = Present(f.EventTime);
        if (timeEl is null)
        {
            timeField = F.AtTimestamp;
            timeEl = Present(f.AtTimestamp);
        }

        if (timeEl is not { } te)
        {
            return NormalizeResult.Fail("missing eventTime", F.EventTime);
        }

        if (!(te.ValueKind == JsonValueKind.String && te.TryGetDateTimeOffset(out var time)))
        {
            if (timeEl.AsTime() is not { } parsed)
            {
                return NormalizeResult.Fail($"{timeField} is not a timestamp: {Describe(te)}", timeField);
            }

            time = parsed;
        }

        var v = default(CloudTrailValues);
        v.Time = time.ToUniversalTime();
        v.HasIdentity = f.UserIdentity.ValueKind == JsonValueKind.Object;
        if (v.HasIdentity)
        {
            v.Identity = AwsIdentity.FromJson(f.UserIdentity);
        }

        v.RecipientAccountId = NonEmpty(f.RecipientAccountId);
        v.Id = NonEmpty(f.EventId) ?? ContentId.For(r);

        var nameEl = Present(f.EventName);
        if (nameEl is null && Present(f.InsightDetails) is { ValueKind: JsonValueKind.Object } insight)
        {
            return NormalizeResult.Ok(Insight(r, insight, v.Id, v.Time, v.RecipientAccountId ?? v.Identity.AccountId, rawRef));
        }

        if (nameEl is not { } ne)
        {
            return NormalizeResult.Fail("missing eventName", F.EventName);
        }

        if (ne.ValueKind != JsonValueKind.String || ne.GetString() is not { Length: > 0 } rawName)
        {
            return NormalizeResult.Fail($"eventName must be a non-empty string, got {Describe(ne)}", F.EventName);
        }

        v.EventName = rawName;
        v.EventSource = f.EventSource.ValueKind == JsonValueKind.String ? f.EventSource.GetString() : null;
        v.ErrorCode = NonEmpty(f.ErrorCode);
        v.ConsoleLoginFailure = IsConsoleLoginFailure(f.ResponseElements);
        v.ReadOnly = StatedReadOnly(f.ReadOnly);
        v.InstanceType = f.RequestParameters.Prop(F.InstanceType) is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        v.AwsRegion = NonEmpty(f.AwsRegion);
        v.SourceIpAddress = NonEmpty(f.SourceIpAddress);
        v.UserAgent = NonEmpty(f.UserAgent);
        return NormalizeResult.Ok(Build(v, rawRef));
    }

    /// <summary>The alert of an API record's values (the rules shared by the document and the streaming reader).</summary>
    internal NormalizedAlert Build(in CloudTrailValues v, RawRef rawRef)
    {
        var account = v.RecipientAccountId ?? (v.HasIdentity ? v.Identity.AccountId : null);
        var eventName = CloudTrailMappings.NormalizeEventName(v.EventName);
        var eventSource = v.EventSource;
        var principal = v.HasIdentity ? AwsPrincipal.From(v.Identity, account) : AwsPrincipal.Unknown;

        var errorCode = v.ErrorCode;
        var outcome = errorCode ?? (v.ConsoleLoginFailure ? Outcomes.Failure : Outcomes.Success);
        var failed = errorCode is not null || outcome == Outcomes.Failure;
        var readOnly = v.ReadOnly ?? GuessReadOnly(eventName);

        var entry = _mappings.Find(eventSource, eventName, failed) ?? (readOnly ? _mappings.Family(eventSource, eventName) : null);
        IReadOnlyList<TechniqueId> techniques = entry?.Techniques ?? [];
        IReadOnlyList<TacticId> tactics = entry?.Tactics ?? [];
        IReadOnlyList<TechniqueMapping> mapping = entry?.Mapping ?? [];
        if (eventName == "RunInstances" && IsGpuInstance(v.InstanceType))
        {
            // Accelerated instance types are what cryptominers launch (Stratus ec2-launch-unusual-instances).
            var builder = new MappingBuilder();
            builder.AddRange(mapping);
            builder.Add("T1496.001", MappingSource.Curated, 0.5, GpuRule);
            (techniques, tactics, mapping) = builder.Build();
        }

        var severity = Math.Max(readOnly ? 1d : 3d, entry?.Severity ?? 0d);
        if (errorCode is not null && (errorCode.Contains("AccessDenied", StringComparison.Ordinal) || errorCode.Contains("Unauthorized", StringComparison.Ordinal)))
        {
            severity += 1;
        }

        return new NormalizedAlert
        {
            Id = v.Id,
            Time = v.Time,
            Provider = CloudProvider.Aws,
            Product = AlertProduct.CloudTrail,
            Type = eventName,
            Principal = principal.Principal,
            PrincipalType = principal.Type,
            SessionName = principal.SessionName,
            Account = account ?? string.Empty,
            Region = v.AwsRegion,
            SourceIp = SourceIp(v.SourceIpAddress),
            UserAgent = v.UserAgent,
            AccessKeyId = v.HasIdentity ? v.Identity.AccessKeyId : null,
            Outcome = outcome,
            Severity = Math.Min(severity, 10),
            Service = eventSource,
            Techniques = techniques,
            Tactics = tactics,
            Mapping = mapping,
            RawRef = rawRef,
        };
    }

    private static JsonElement? Present(JsonElement e) => e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : e;

    private static string? NonEmpty(JsonElement e) => Present(e).AsString() is { Length: > 0 } s ? s : null;

    private static NormalizedAlert Insight(JsonElement r, JsonElement insight, string id, DateTimeOffset time, string? account, RawRef rawRef) => new()
    {
        Id = id,
        Time = time,
        Provider = CloudProvider.Aws,
        Product = AlertProduct.CloudTrail,
        Type = (insight.NonEmpty(F.InsightType) ?? "Insight") + ":" + (insight.NonEmpty(F.EventName) ?? "unknown"),
        Principal = AwsPrincipal.Unknown.Principal,
        PrincipalType = AwsPrincipal.Unknown.Type,
        Account = account ?? string.Empty,
        Region = r.NonEmpty(F.AwsRegion),
        Severity = InsightSeverity,
        Service = insight.NonEmpty(F.EventSource),
        RawRef = rawRef,
    };

    /// <summary>readOnly when CloudTrail says so (a boolean, or the string "true"/"false"); null otherwise.</summary>
    private static bool? StatedReadOnly(JsonElement readOnly) => readOnly switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s when s.ValueEquals("true") => true,
        { ValueKind: JsonValueKind.String } s when s.ValueEquals("false") => false,
        _ => null,
    };

    /// <summary>readOnly guessed from the verb when the record does not state it.</summary>
    private static bool GuessReadOnly(string eventName) =>
        eventName.StartsWith("Describe", StringComparison.Ordinal) || eventName.StartsWith("List", StringComparison.Ordinal) ||
        eventName.StartsWith("Get", StringComparison.Ordinal) || eventName.StartsWith("Head", StringComparison.Ordinal) ||
        eventName.StartsWith("Lookup", StringComparison.Ordinal) || eventName.StartsWith("BatchGet", StringComparison.Ordinal) ||
        eventName.StartsWith("Search", StringComparison.Ordinal);

    private static bool IsConsoleLoginFailure(JsonElement responseElements) =>
        responseElements.Prop(F.ConsoleLogin) is { ValueKind: JsonValueKind.String } v && v.ValueEquals(F.ConsoleLoginFailure);

    private static bool IsGpuInstance(string? type)
    {
        if (type is null)
        {
            return false;
        }

        // GPU/accelerator families: p*, g*, inf*, trn*, dl*.
        return type.StartsWith('p') || type.StartsWith('g') || type.StartsWith("inf", StringComparison.Ordinal) ||
            type.StartsWith("trn", StringComparison.Ordinal) || type.StartsWith("dl", StringComparison.Ordinal);
    }

    /// <summary>Calls made by AWS services carry the service name, not an address: no source IP.</summary>
    private static string? SourceIp(string? s) =>
        s is null || s.EndsWith(".amazonaws.com", StringComparison.Ordinal) || s == "AWS Internal" ? null : s;

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "'" + e.GetString() + "'",
        JsonValueKind.Object or JsonValueKind.Array => e.ValueKind.ToString().ToLowerInvariant(),
        _ => e.GetRawText(),
    };

    /// <summary>A CloudTrail Lake query row: an array of single-key objects, the first naming a record field.</summary>
    private static bool IsLakeRow(JsonElement row)
    {
        if (row.GetArrayLength() == 0 || row[0].ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        using var props = row[0].EnumerateObject();
        if (!props.MoveNext())
        {
            return false;
        }

        var first = props.Current.Name;
        return !props.MoveNext() && first is F.EventVersion or F.EventId or F.EventTime or F.EventName or F.EventSource;
    }

    /// <summary>Folds a Lake row into one object; string columns holding JSON objects (userIdentity) are inlined.</summary>
    private static JsonDocument LakeRowToObject(JsonElement row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var cell in row.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                foreach (var p in cell.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 1 } s && s[0] == '{' && TryParse(s) is { } inner)
                    {
                        using (inner)
                        {
                            inner.RootElement.WriteTo(w);
                        }
                    }
                    else
                    {
                        p.Value.WriteTo(w);
                    }
                }
            }

            w.WriteEndObject();
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    /// <summary>Lake renders some structs as <c>{k=v, ...}</c>, which is not JSON: those stay strings.</summary>
    private static JsonDocument? TryParse(string s)
    {
        try
        {
            return JsonDocument.Parse(s);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
