using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;
using CstmML.Core.Alerts;
using CstmML.Ingestion.Json;

namespace CstmML.Ingestion.Sources.Normalized;

/// <summary>
/// The fastest path of <see cref="NormalizedUtf8Reader"/>: a direct byte scanner for the exact layout
/// <c>NormalizedAlertWriter</c> writes (properties in writer order, whole names compared as literals, no white space,
/// strings without escapes, the fixed UTC time form, plain decimal numbers). It returns null on any deviation, and the
/// caller takes the <see cref="System.Text.Json.Utf8JsonReader"/> path, so it only ever accepts a subset of what that
/// path accepts, read to the same values. Not thread-safe: one per reader.
/// </summary>
internal sealed class NormalizedLineScanner(
    Utf8StringCache strings,
    Utf8ValueCache<TechniqueId[]> techniques,
    Utf8ValueCache<TacticId[]> tactics,
    Utf8ValueCache<TechniqueMapping[]> mappings)
{
    // Bytes that end the plain scan of a string value: the closing quote, or anything that needs a closer look
    // (escape, control character the JSON grammar forbids, non-ASCII that must be valid UTF-8).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(StringStopBytes());

    // Bytes that matter when finding the end of an array: brackets, braces, quotes and the escape we refuse.
    private static readonly SearchValues<byte> Structure = SearchValues.Create("[]{}\"\\"u8);

    /// <summary>Lines this scanner read (for tests and measurements).</summary>
    public long Scanned { get; private set; }

    /// <summary>The alert of <paramref name="line"/> when it is exactly one object in the writer's layout, else null.</summary>
    public NormalizedAlert? TryScan(ReadOnlySpan<byte> line)
    {
        var s = line;
        if (!Lit(ref s, "{\"id\":"u8) || Str(ref s, cache: false) is not { } id)
        {
            return null;
        }

        if (!Lit(ref s, ",\"time\":"u8) || !Time(ref s, out var time))
        {
            return null;
        }

        DateTimeOffset? ingested = null;
        if (Lit(ref s, ",\"ingested\":"u8))
        {
            if (!Time(ref s, out var ing))
            {
                return null;
            }

            ingested = ing;
        }

        if (!Lit(ref s, ",\"provider\":"u8) || !Provider(ref s, out var provider) ||
            !Lit(ref s, ",\"product\":"u8) || !Product(ref s, out var product) ||
            !Lit(ref s, ",\"type\":"u8) || Str(ref s) is not { } type ||
            !Lit(ref s, ",\"principal\":"u8) || Str(ref s) is not { } principal)
        {
            return null;
        }

        if (!Opt(ref s, ",\"principal_type\":"u8, out var principalType) || !Opt(ref s, ",\"session_name\":"u8, out var sessionName) ||
            !Opt(ref s, ",\"account\":"u8, out var account) || !Opt(ref s, ",\"region\":"u8, out var region) ||
            !Opt(ref s, ",\"source_ip\":"u8, out var sourceIp) || !Opt(ref s, ",\"user_agent\":"u8, out var userAgent) ||
            !Opt(ref s, ",\"access_key_id\":"u8, out var accessKeyId) || !Opt(ref s, ",\"outcome\":"u8, out var outcome) ||
            !Lit(ref s, ",\"severity\":"u8) || !Double(ref s, out var severity) ||
            !Opt(ref s, ",\"service\":"u8, out var service))
        {
            return null;
        }

        TechniqueId[]? techniqueIds = null;
        TacticId[]? tacticIds = null;
        TechniqueMapping[]? mapping = null;
        if ((Lit(ref s, ",\"techniques\":"u8) && (techniqueIds = Array(ref s, techniques, NormalizedUtf8Reader.ParseTechniques)) is null) ||
            (Lit(ref s, ",\"tactics\":"u8) && (tacticIds = Array(ref s, tactics, NormalizedUtf8Reader.ParseTactics)) is null) ||
            (Lit(ref s, ",\"mapping\":"u8) && (mapping = Array(ref s, mappings, NormalizedUtf8Reader.ParseMapping)) is null))
        {
            return null;
        }

        if (!Lit(ref s, ",\"raw_ref\":{\"file\":"u8) || Str(ref s) is not { } file || !Lit(ref s, ",\"line\":"u8) || !Long(ref s, out var lineNo))
        {
            return null;
        }

        long? index = null;
        if (Lit(ref s, ",\"index\":"u8))
        {
            if (!Long(ref s, out var i))
            {
                return null;
            }

            index = i;
        }

        if (!s.SequenceEqual("}}"u8))
        {
            return null;
        }

        Scanned++;

        // The same defaults as NormalizedUtf8Reader for the properties the writer leaves out when null.
        return new NormalizedAlert
        {
            Id = id,
            Time = time,
            Ingested = ingested,
            Provider = provider,
            Product = product,
            Type = type,
            Principal = principal,
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
            Techniques = techniqueIds ?? [],
            Tactics = tacticIds ?? [],
            Mapping = mapping ?? [],
            RawRef = new RawRef(file, lineNo, index),
        };
    }

    private static byte[] StringStopBytes()
    {
        var bytes = new List<byte> { (byte)'"', (byte)'\\' };
        for (var b = 0; b < 0x20; b++)
        {
            bytes.Add((byte)b);
        }

        for (var b = 0x80; b <= 0xFF; b++)
        {
            bytes.Add((byte)b);
        }

        return [.. bytes];
    }

    // Consumes `literal` when the input starts with it.
    private static bool Lit(ref ReadOnlySpan<byte> s, ReadOnlySpan<byte> literal)
    {
        if (!s.StartsWith(literal))
        {
            return false;
        }

        s = s[literal.Length..];
        return true;
    }

    // An optional string property: absent is fine (value null); present must be a plain string.
    private bool Opt(ref ReadOnlySpan<byte> s, ReadOnlySpan<byte> name, out string? value)
    {
        value = null;
        return !Lit(ref s, name) || (value = Str(ref s)) is not null;
    }

    // A string value without escapes or control characters, valid UTF-8; null for anything else. Ids never repeat, so
    // they skip the cache (a miss would only evict a value that does repeat).
    private string? Str(ref ReadOnlySpan<byte> s, bool cache = true)
    {
        if (s.IsEmpty || s[0] != '"')
        {
            return null;
        }

        var rest = s[1..];
        var end = rest.IndexOfAny(StringStops);
        if (end < 0)
        {
            return null;
        }

        var ascii = rest[end] == '"';
        if (!ascii)
        {
            // Non-ASCII: find the closing quote, then refuse escapes, control characters and invalid UTF-8.
            end = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (end < 0 || rest[end] != '"' || rest[..end].IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0 || !Utf8.IsValid(rest[..end]))
            {
                return null;
            }
        }

        var value = rest[..end];
        s = rest[(end + 1)..];
        return (cache, ascii) switch
        {
            (true, true) => strings.GetAscii(value),
            (true, false) => strings.Get(value),
            (false, true) => Encoding.Latin1.GetString(value),
            _ => Encoding.UTF8.GetString(value),
        };
    }

    // The fixed form the writer gives a UTC DateTimeOffset: "yyyy-MM-ddTHH:mm:ss[.fffffff]+00:00" (also "Z").
    private static bool Time(ref ReadOnlySpan<byte> s, out DateTimeOffset time)
    {
        time = default;
        if (s.Length < 22 || s[0] != '"' || s[5] != '-' || s[8] != '-' || s[11] != 'T' || s[14] != ':' || s[17] != ':')
        {
            return false;
        }

        if (!Digits(s.Slice(1, 4), out var year) || !Digits(s.Slice(6, 2), out var month) || !Digits(s.Slice(9, 2), out var day) ||
            !Digits(s.Slice(12, 2), out var hour) || !Digits(s.Slice(15, 2), out var minute) || !Digits(s.Slice(18, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var p = 20;
        long fraction = 0;
        if (s[p] == '.')
        {
            var n = 0;
            p++;
            while (p < s.Length && (uint)(s[p] - '0') <= 9)
            {
                fraction = (fraction * 10) + (s[p] - '0');
                n++;
                p++;
            }

            if (n is 0 or > 7)
            {
                return false;
            }

            for (; n < 7; n++)
            {
                fraction *= 10;
            }
        }

        var zone = s[p..];
        if (zone.StartsWith("+00:00\""u8))
        {
            p += 7;
        }
        else if (zone.StartsWith("Z\""u8))
        {
            p += 2;
        }
        else
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fraction;
        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        s = s[p..];
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            var d = (uint)(b - '0');
            if (d > 9)
            {
                return false;
            }

            value = (value * 10) + (int)d;
        }

        return true;
    }

    // The enum values as cstm map writes them (quoted), in the order they are tried.
    private static readonly (byte[] Literal, CloudProvider Value)[] Providers =
    [
        ("\"aws\""u8.ToArray(), CloudProvider.Aws),
        ("\"azure\""u8.ToArray(), CloudProvider.Azure),
        ("\"gcp\""u8.ToArray(), CloudProvider.Gcp),
        ("\"prisma\""u8.ToArray(), CloudProvider.Prisma),
    ];

    private static readonly (byte[] Literal, AlertProduct Value)[] Products =
    [
        ("\"cloudtrail\""u8.ToArray(), AlertProduct.CloudTrail),
        ("\"guardduty\""u8.ToArray(), AlertProduct.GuardDuty),
        ("\"defender\""u8.ToArray(), AlertProduct.Defender),
        ("\"scc\""u8.ToArray(), AlertProduct.Scc),
        ("\"prisma\""u8.ToArray(), AlertProduct.Prisma),
        ("\"csv\""u8.ToArray(), AlertProduct.Csv),
    ];

    private static bool Provider(ref ReadOnlySpan<byte> s, out CloudProvider provider) => OneOf(ref s, Providers, out provider);

    private static bool Product(ref ReadOnlySpan<byte> s, out AlertProduct product) => OneOf(ref s, Products, out product);

    // The value whose literal comes next (consumed), or false.
    private static bool OneOf<T>(ref ReadOnlySpan<byte> s, (byte[] Literal, T Value)[] choices, out T value)
        where T : struct
    {
        foreach (var (literal, v) in choices)
        {
            if (Lit(ref s, literal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    // A JSON number without exponent (-?(0|[1-9][0-9]*)(.[0-9]+)?), read as Utf8JsonReader.TryGetDouble reads it.
    private static bool Double(ref ReadOnlySpan<byte> s, out double value)
    {
        // The usual severity: one digit.
        if (s.Length >= 2 && (uint)(s[0] - '0') <= 9 && s[1] == ',')
        {
            value = s[0] - '0';
            s = s[1..];
            return true;
        }

        value = 0;
        var p = 0;
        if (p < s.Length && s[p] == '-')
        {
            p++;
        }

        var intStart = p;
        while (p < s.Length && (uint)(s[p] - '0') <= 9)
        {
            p++;
        }

        if (p == intStart || (s[intStart] == '0' && p - intStart > 1))
        {
            return false;
        }

        if (p < s.Length && s[p] == '.')
        {
            var fracStart = ++p;
            while (p < s.Length && (uint)(s[p] - '0') <= 9)
            {
                p++;
            }

            if (p == fracStart)
            {
                return false;
            }
        }

        // An exponent or anything else after the number fails the next literal, so the reader decides.
        if (p > 32)
        {
            return false;
        }

        if (!Utf8Parser.TryParse(s[..p], out value, out var consumed) || consumed != p || !double.IsFinite(value))
        {
            return false;
        }

        s = s[p..];
        return true;
    }

    // A non-negative JSON integer of at most 18 digits (no sign), as TryGetInt64 reads it.
    private static bool Long(ref ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var p = 0;
        while (p < s.Length && p <= 18 && (uint)(s[p] - '0') <= 9)
        {
            value = (value * 10) + (s[p] - '0');
            p++;
        }

        // A fraction or exponent after the digits fails the next literal, so the reader decides.
        if (p == 0 || p > 18 || (s[0] == '0' && p > 1))
        {
            return false;
        }

        s = s[p..];
        return true;
    }

    // An array value. The usual case: the bytes up to the first ']' are a cached key. A cached key is a complete JSON
    // array, and a JSON value's end follows from its own bytes, so it is then exactly this array (a ']' inside a
    // string only makes the candidate shorter than any key: a miss). Otherwise the exact bytes are found by
    // bracket matching (strings may not hold escapes) and parsed, and validated, by Utf8JsonReader as the reader does.
    private static T? Array<T>(ref ReadOnlySpan<byte> s, Utf8ValueCache<T> cache, Func<ReadOnlySpan<byte>, T?> parse)
        where T : class
    {
        if (s.IsEmpty || s[0] != '[')
        {
            return null;
        }

        var first = s.IndexOf((byte)']');
        if (first > 0 && cache.Get(s[..(first + 1)], out _) is { } hit)
        {
            s = s[(first + 1)..];
            return hit;
        }

        return Matched(ref s, cache, parse);
    }

    private static T? Matched<T>(ref ReadOnlySpan<byte> s, Utf8ValueCache<T> cache, Func<ReadOnlySpan<byte>, T?> parse)
        where T : class
    {
        var depth = 0;
        var p = 0;
        while (true)
        {
            var next = s[p..].IndexOfAny(Structure);
            if (next < 0)
            {
                return null;
            }

            p += next;
            switch (s[p])
            {
                case (byte)'[' or (byte)'{':
                    depth++;
                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
                case (byte)'"':
                    var close = s[(p + 1)..].IndexOfAny((byte)'"', (byte)'\\');
                    if (close < 0 || s[p + 1 + close] != '"')
                    {
                        return null;
                    }

                    p += close + 1;
                    break;
                default:
                    return null;
            }

            p++;
            if (depth == 0)
            {
                break;
            }
        }

        var bytes = s[..p];
        if (cache.Get(bytes, out var slot) is not { } value)
        {
            value = parse(bytes);
            if (value is null)
            {
                return null;
            }

            cache.Set(slot, bytes, value);
        }

        s = s[p..];
        return value;
    }
}
