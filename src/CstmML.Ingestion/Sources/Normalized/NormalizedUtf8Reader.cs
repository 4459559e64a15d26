using System.Text.Json;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Sources.Normalized;

/// <summary>
/// The fast path of <see cref="NormalizedAlertSource"/>: reads one normalized alert in a forward
/// <see cref="Utf8JsonReader"/> pass, strings from a <see cref="Utf8StringCache"/> and the techniques, tactics and
/// mapping arrays shared between alerts whose bytes are equal. It accepts only what the source-generated contract
/// reads to the same values: every property a known snake_case name given once, with its exact JSON type (enum
/// names as written by <c>cstm map</c>, all required fields present). Anything else returns null and the caller
/// takes the document path. Lines in the writer's exact layout are first tried by <see cref="NormalizedLineScanner"/>,
/// which accepts a subset of what this pass accepts, read to the same values. Not thread-safe: one per thread.
/// </summary>
internal sealed class NormalizedUtf8Reader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    private readonly Utf8StringCache _strings;
    private readonly Utf8ValueCache<TechniqueId[]> _techniques = new();
    private readonly Utf8ValueCache<TacticId[]> _tactics = new();
    private readonly Utf8ValueCache<TechniqueMapping[]> _mappings = new();

    private readonly NormalizedLineScanner _scanner;

    public NormalizedUtf8Reader(Utf8StringCache strings)
    {
        _strings = strings;
        _scanner = new NormalizedLineScanner(strings, _techniques, _tactics, _mappings);
    }

    /// <summary>Records read by the byte scanner rather than by <see cref="Utf8JsonReader"/> (for tests and measurements).</summary>
    public long Scanned => _scanner.Scanned;

    /// <summary>Off: every record takes the <see cref="Utf8JsonReader"/> pass (the reference of the differential tests).</summary>
    public bool ScannerEnabled { get; init; } = true;

    private enum Key
    {
        Unknown = -1,
        Id,
        Time,
        Ingested,
        Provider,
        Product,
        Type,
        Principal,
        PrincipalType,
        SessionName,
        Account,
        Region,
        SourceIp,
        UserAgent,
        AccessKeyId,
        Outcome,
        Severity,
        Service,
        Techniques,
        Tactics,
        Mapping,
        RawRef,
    }

    /// <summary>The alert of <paramref name="utf8"/> (one JSON object), or null: use the document path.</summary>
    public NormalizedAlert? TryRead(ReadOnlySpan<byte> utf8) => TryRead(utf8, wholeLine: false);

    /// <summary>
    /// As <see cref="TryRead(ReadOnlySpan{byte})"/> for a JSON Lines line that may hold anything: the alert only when
    /// the line is exactly one complete JSON object (nothing after it); the alert's own keys are never container keys
    /// or escaped, and it nests 3 deep at most, within any reader's depth limit.
    /// </summary>
    public NormalizedAlert? TryReadLine(ReadOnlySpan<byte> line) => TryRead(line, wholeLine: true);

    private NormalizedAlert? TryRead(ReadOnlySpan<byte> utf8, bool wholeLine)
    {
        try
        {
            // The writer's exact layout first; the scanner declines anything else and the reader below decides.
            if (ScannerEnabled && Scan(utf8) is { } scanned)
            {
                return scanned;
            }

            var r = new Utf8JsonReader(utf8, Options);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            var alert = ReadAlert(ref r, utf8);
            return !wholeLine || (r.TokenType == JsonTokenType.EndObject && r.CurrentDepth == 0 && r.BytesConsumed == utf8.Length) ? alert : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The scanner's own failures (an array parsed on a cache miss) leave the line to the reader, which decides.
    private NormalizedAlert? Scan(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return _scanner.TryScan(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private NormalizedAlert? ReadAlert(ref Utf8JsonReader r, ReadOnlySpan<byte> utf8)
    {
        string? id = null, type = null, principal = null, principalType = null, sessionName = null, account = null;
        string? region = null, sourceIp = null, userAgent = null, accessKeyId = null, outcome = null, service = null;
        DateTimeOffset time = default;
        DateTimeOffset? ingested = null;
        CloudProvider provider = default;
        AlertProduct product = default;
        double severity = 0;
        TechniqueId[]? techniques = null;
        TacticId[]? tactics = null;
        TechniqueMapping[]? mapping = null;
        RawRef? rawRef = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueIsEscaped ? Key.Unknown : Classify(r.ValueSpan);
            if (key == Key.Unknown || (seen & (1 << (int)key)) != 0)
            {
                return null;
            }

            seen |= 1 << (int)key;
            r.Read();
            var t = r.TokenType;
            var ok = key switch
            {
                Key.Id => Str(ref r, out id),
                Key.Type => Str(ref r, out type),
                Key.Principal => Str(ref r, out principal),
                Key.PrincipalType => Str(ref r, out principalType),
                Key.SessionName => OptStr(ref r, out sessionName),
                Key.Account => Str(ref r, out account),
                Key.Region => OptStr(ref r, out region),
                Key.SourceIp => OptStr(ref r, out sourceIp),
                Key.UserAgent => OptStr(ref r, out userAgent),
                Key.AccessKeyId => OptStr(ref r, out accessKeyId),
                Key.Outcome => Str(ref r, out outcome),
                Key.Service => OptStr(ref r, out service),
                Key.Time => t == JsonTokenType.String && r.TryGetDateTimeOffset(out time),
                Key.Ingested => t == JsonTokenType.Null || (t == JsonTokenType.String && ReadTime(ref r, out ingested)),
                Key.Provider => t == JsonTokenType.String && TryProvider(ref r, out provider),
                Key.Product => t == JsonTokenType.String && TryProduct(ref r, out product),
                Key.Severity => t == JsonTokenType.Number && r.TryGetDouble(out severity),
                Key.Techniques => t == JsonTokenType.StartArray && (techniques = Cached(ref r, utf8, _techniques, ParseTechniques)) is not null,
                Key.Tactics => t == JsonTokenType.StartArray && (tactics = Cached(ref r, utf8, _tactics, ParseTactics)) is not null,
                Key.Mapping => t == JsonTokenType.StartArray && (mapping = Cached(ref r, utf8, _mappings, ParseMapping)) is not null,
                _ => t == JsonTokenType.StartObject && (rawRef = ReadRawRef(ref r)) is not null,
            };
            if (!ok)
            {
                return null;
            }
        }

        const int Required = (1 << (int)Key.Id) | (1 << (int)Key.Time) | (1 << (int)Key.Provider) | (1 << (int)Key.Product) |
            (1 << (int)Key.Type) | (1 << (int)Key.Principal) | (1 << (int)Key.RawRef);
        if ((seen & Required) != Required)
        {
            return null;
        }

        return new NormalizedAlert
        {
            Id = id!,
            Time = time,
            Ingested = ingested,
            Provider = provider,
            Product = product,
            Type = type!,
            Principal = principal!,
            PrincipalType = principalType ?? PrincipalTypes.Unknown,
            SessionName = sessionName,
            Account = account ?? string.Empty,
            Region = region,
            SourceIp = sourceIp,
            UserAgent = userAgent,
            AccessKeyId = accessKeyId,
            Outcome = outcome ?? Outcomes.Success,
            Severity = severity,
            Service = service,
            Techniques = techniques ?? [],
            Tactics = tactics ?? [],
            Mapping = mapping ?? [],
            RawRef = rawRef!,
        };
    }

    // A string field; null is left to the document path (it decides whether null is allowed there).
    private bool Str(ref Utf8JsonReader r, out string? value)
    {
        value = r.TokenType == JsonTokenType.String ? _strings.Get(ref r) : null;
        return value is not null;
    }

    private bool OptStr(ref Utf8JsonReader r, out string? value)
    {
        value = r.TokenType == JsonTokenType.String ? _strings.Get(ref r) : null;
        return value is not null || r.TokenType == JsonTokenType.Null;
    }

    private static bool ReadTime(ref Utf8JsonReader r, out DateTimeOffset? time)
    {
        var ok = r.TryGetDateTimeOffset(out var t);
        time = t;
        return ok;
    }

    // The array just opened, from the cache when the same bytes were read before; the reader ends after it.
    private static T? Cached<T>(ref Utf8JsonReader r, ReadOnlySpan<byte> utf8, Utf8ValueCache<T> cache, Func<ReadOnlySpan<byte>, T?> parse)
        where T : class
    {
        var start = (int)r.TokenStartIndex;
        r.Skip();
        var bytes = utf8[start..(int)r.BytesConsumed];
        if (cache.Get(bytes, out var slot) is { } hit)
        {
            return hit;
        }

        var value = parse(bytes);
        if (value is not null)
        {
            cache.Set(slot, bytes, value);
        }

        return value;
    }

    internal static TechniqueId[]? ParseTechniques(ReadOnlySpan<byte> array) => ParseIds<TechniqueId>(array, static s => TechniqueId.TryParse(s, out var id) ? id : null);

    internal static TacticId[]? ParseTactics(ReadOnlySpan<byte> array) => ParseIds<TacticId>(array, static s => TacticId.TryParse(s, out var id) ? id : null);

    private static T[]? ParseIds<T>(ReadOnlySpan<byte> array, Func<string, T?> parse)
        where T : struct
    {
        var r = new Utf8JsonReader(array, Options);
        r.Read();
        var list = new List<T>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.String || parse(r.GetString()!) is not { } id)
            {
                return null;
            }

            list.Add(id);
        }

        // The array is all of the bytes (the cache keys on them, and the byte scanner relies on keys being whole arrays).
        return r.BytesConsumed == array.Length ? [.. list] : null;
    }

    internal static TechniqueMapping[]? ParseMapping(ReadOnlySpan<byte> array)
    {
        var r = new Utf8JsonReader(array, Options);
        r.Read();
        var list = new List<TechniqueMapping>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject || ReadMapping(ref r) is not { } m)
            {
                return null;
            }

            list.Add(m);
        }

        // The array is all of the bytes (the cache keys on them, and the byte scanner relies on keys being whole arrays).
        return r.BytesConsumed == array.Length ? [.. list] : null;
    }

    private static TechniqueMapping? ReadMapping(ref Utf8JsonReader r)
    {
        TechniqueId? technique = null;
        MappingSource? source = null;
        double? confidence = null;
        string? rule = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueTextEquals("technique"u8) ? 1 : r.ValueTextEquals("source"u8) ? 2 : r.ValueTextEquals("confidence"u8) ? 4 : r.ValueTextEquals("rule"u8) ? 8 : 0;
            if (key == 0 || r.ValueIsEscaped || (seen & key) != 0)
            {
                return null;
            }

            seen |= key;
            r.Read();
            switch (key)
            {
                case 1 when r.TokenType == JsonTokenType.String && TechniqueId.TryParse(r.GetString(), out var id):
                    technique = id;
                    break;
                case 2 when r.TokenType == JsonTokenType.String && TrySource(ref r, out var s):
                    source = s;
                    break;
                case 4 when r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var c):
                    confidence = c;
                    break;
                case 8 when r.TokenType is JsonTokenType.String or JsonTokenType.Null:
                    rule = r.GetString();
                    break;
                default:
                    return null;
            }
        }

        return technique is { } t && source is { } src && confidence is { } conf ? new TechniqueMapping(t, src, conf, rule) : null;
    }

    private RawRef? ReadRawRef(ref Utf8JsonReader r)
    {
        string? file = null;
        long? line = null;
        long? index = null;
        var seen = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.ValueTextEquals("file"u8) ? 1 : r.ValueTextEquals("line"u8) ? 2 : r.ValueTextEquals("index"u8) ? 4 : 0;
            if (key == 0 || r.ValueIsEscaped || (seen & key) != 0)
            {
                return null;
            }

            seen |= key;
            r.Read();
            switch (key)
            {
                case 1 when r.TokenType == JsonTokenType.String:
                    file = _strings.Get(ref r);
                    break;
                case 2 when r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var l):
                    line = l;
                    break;
                case 4 when r.TokenType == JsonTokenType.Null:
                    break;
                case 4 when r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var i):
                    index = i;
                    break;
                default:
                    return null;
            }
        }

        return file is not null && line is { } ln ? new RawRef(file, ln, index) : null;
    }

    private static bool TryProvider(ref Utf8JsonReader r, out CloudProvider provider)
    {
        provider = r.ValueTextEquals("aws"u8) ? CloudProvider.Aws : r.ValueTextEquals("azure"u8) ? CloudProvider.Azure
            : r.ValueTextEquals("gcp"u8) ? CloudProvider.Gcp : CloudProvider.Prisma;
        return provider != CloudProvider.Prisma || r.ValueTextEquals("prisma"u8);
    }

    private static bool TryProduct(ref Utf8JsonReader r, out AlertProduct product)
    {
        product = r.ValueTextEquals("cloudtrail"u8) ? AlertProduct.CloudTrail : r.ValueTextEquals("guardduty"u8) ? AlertProduct.GuardDuty
            : r.ValueTextEquals("defender"u8) ? AlertProduct.Defender : r.ValueTextEquals("scc"u8) ? AlertProduct.Scc
            : r.ValueTextEquals("prisma"u8) ? AlertProduct.Prisma : AlertProduct.Csv;
        return product != AlertProduct.Csv || r.ValueTextEquals("csv"u8);
    }

    private static bool TrySource(ref Utf8JsonReader r, out MappingSource source)
    {
        source = r.ValueTextEquals("curated"u8) ? MappingSource.Curated : r.ValueTextEquals("sigma"u8) ? MappingSource.Sigma
            : r.ValueTextEquals("stratus"u8) ? MappingSource.Stratus : r.ValueTextEquals("ctid"u8) ? MappingSource.Ctid : MappingSource.Native;
        return source != MappingSource.Native || r.ValueTextEquals("native"u8);
    }

    private static Key Classify(ReadOnlySpan<byte> n) => n.Length switch
    {
        2 when n.SequenceEqual("id"u8) => Key.Id,
        4 when n.SequenceEqual("time"u8) => Key.Time,
        4 when n.SequenceEqual("type"u8) => Key.Type,
        6 when n.SequenceEqual("region"u8) => Key.Region,
        7 when n.SequenceEqual("product"u8) => Key.Product,
        7 when n.SequenceEqual("account"u8) => Key.Account,
        7 when n.SequenceEqual("outcome"u8) => Key.Outcome,
        7 when n.SequenceEqual("service"u8) => Key.Service,
        7 when n.SequenceEqual("mapping"u8) => Key.Mapping,
        7 when n.SequenceEqual("tactics"u8) => Key.Tactics,
        7 when n.SequenceEqual("raw_ref"u8) => Key.RawRef,
        8 when n.SequenceEqual("provider"u8) => Key.Provider,
        8 when n.SequenceEqual("ingested"u8) => Key.Ingested,
        8 when n.SequenceEqual("severity"u8) => Key.Severity,
        9 when n.SequenceEqual("principal"u8) => Key.Principal,
        9 when n.SequenceEqual("source_ip"u8) => Key.SourceIp,
        10 when n.SequenceEqual("user_agent"u8) => Key.UserAgent,
        10 when n.SequenceEqual("techniques"u8) => Key.Techniques,
        12 when n.SequenceEqual("session_name"u8) => Key.SessionName,
        13 when n.SequenceEqual("access_key_id"u8) => Key.AccessKeyId,
        14 when n.SequenceEqual("principal_type"u8) => Key.PrincipalType,
        _ => Key.Unknown,
    };
}
