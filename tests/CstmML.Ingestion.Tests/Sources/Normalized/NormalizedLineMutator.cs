using System.Text;
using System.Text.Json;

namespace CstmML.Ingestion.Tests.Sources.Normalized;

/// <summary>
/// Seeded mutations of a normalized line as <c>cstm map</c> writes it, aimed at the byte scanner's guards: byte flips,
/// deletions, insertions, truncation, white space, escapes, non-ASCII and control bytes in strings, nulls, removed,
/// repeated and reordered properties, numbers and times in other forms, other enum texts, odd arrays.
/// </summary>
internal static class NormalizedLineMutator
{
    private static readonly byte[] Interesting = "\"\\,:{}[] 0912-.eEZT+nul\t"u8.ToArray().Concat(new byte[] { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xC3, 0xED, 0xFF }).ToArray();

    private static readonly string[] Numbers =
    [
        "0", "-0", "2", "2.0", "2.", ".5", "02", "2e0", "2E+0", "20e-1", "1e400", "-1", "1.5", "10", "10.5", "0.1000", "1.0",
        "123456789012345678", "1234567890123456789", "99999999999999999999", "9007199254740993", "-", "1-", "0x1", "NaN", "\"2\"", "true",
    ];

    private static readonly string[] Times =
    [
        "2024-05-01T00:00:00+00:00", "2024-05-01T00:00:00Z", "2024-05-01T00:00:00z", "2024-05-01T00:00:00-00:00", "2024-05-01T02:00:00+02:00",
        "2024-05-01T00:00:00", "2024-05-01t00:00:00+00:00", "2024-05-01 00:00:00+00:00", "2024-05-01T00:00:00.1+00:00",
        "2024-05-01T00:00:00.1234567+00:00", "2024-05-01T00:00:00.12345678+00:00", "2024-05-01T00:00:00.1230000Z", "2024-05-01T00:00:00.+00:00",
        "2024-05-01T24:00:00+00:00", "2024-05-01T23:59:60+00:00", "2024-05-01T23:60:00+00:00", "0000-01-01T00:00:00+00:00",
        "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59.9999999+00:00", "2024-02-29T00:00:00+00:00", "2023-02-29T00:00:00+00:00",
        "2024-13-01T00:00:00+00:00", "2024-00-01T00:00:00+00:00", "2024-04-31T00:00:00+00:00", "2024-5-01T00:00:00+00:00", "2024-05-01",
        "2024-05-01T00:00+00:00", "2024-05-01T00:00:00+0000", "2024-05-01T00:00:00+00", "+2024-05-01T00:00:00+00:00", "2024-05-01T00:00:00 +00:00",
    ];

    private static readonly string[] Texts =
    [
        "aws", "azure", "gcp", "prisma", "AWS", "Aws", "cloudtrail", "guardduty", "defender", "scc", "csv", "CloudTrail", "native", "curated",
        "sigma", "stratus", "ctid", "", "a]b", "a}b", "a[b", "T1078", "T1078.004", "TA0001", "x\\\"y", "\\u0061ws", "caf\u00e9", "\U0001F600",
    ];

    private static readonly string[] Arrays =
    [
        "[]", "[null]", "[\"T1078\"]", "[\"T1078\",\"T1078\"]", "[ \"T1078\"]", "[\"T1078\" ]", "[\"T10\"]", "[\"TA0001\"]", "[\"T1078\",]",
        "[[\"T1078\"]]", "[\"T\\u0031078\"]", "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5}]",
        "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5,\"rule\":null}]",
        "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5,\"rule\":\"a]b\"}]",
        "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5,\"rule\":\"a]\"},{\"technique\":\"T1078\",\"source\":\"sigma\",\"confidence\":1,\"rule\":\"x\"}]",
        "[{\"source\":\"curated\",\"technique\":\"T1078\",\"confidence\":0.5}]", "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":5e-1}]",
        "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5,\"extra\":1}]", "[{\"technique\":\"T1078\",\"source\":\"Curated\",\"confidence\":0.5}]",
        "[{\"technique\":\"T1078\",\"source\":\"curated\",\"confidence\":0.5,\"rule\":\"r\",\"rule\":\"s\"}]", "[{}]", "[{\"technique\":\"T1078\"]}", "{}", "null", "\"[]\"",
    ];

    /// <summary>One mutation of <paramref name="line"/> chosen by <paramref name="random"/>.</summary>
    public static string Mutate(string line, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var properties = Properties(bytes);
        if (properties.Count < 2)
        {
            // Not an object any more (an earlier mutation): bytes only.
            return bytes.Length == 0 ? line : Edit(bytes, random.Next(bytes.Length), random.Next(2), [Pick(Interesting, random)]);
        }

        var (name, start, end) = properties[random.Next(properties.Count)];
        var pos = random.Next(bytes.Length);
        var value = Encoding.UTF8.GetString(bytes.AsSpan(start, end - start));
        var before = Encoding.UTF8.GetString(bytes.AsSpan(0, start));
        var after = Encoding.UTF8.GetString(bytes.AsSpan(end));
        var inValue = start + random.Next(Math.Max(1, end - start));
        return random.Next(17) switch
        {
            0 => Edit(bytes, pos, 1, [Pick(Interesting, random)]),
            1 => Edit(bytes, inValue, 1, [(byte)random.Next(256)]),
            2 => Edit(bytes, pos, Math.Min(1 + random.Next(3), bytes.Length - pos), []),
            3 => Edit(bytes, inValue, 0, [Pick(Interesting, random)]),
            4 => Encoding.UTF8.GetString(bytes.AsSpan(0, pos)),
            5 => Edit(bytes, WhiteSpacePlace(bytes, random), 0, [Pick(" \t\r\n"u8.ToArray(), random)]),
            6 => before + Escape(value, random) + after,
            7 => Edit(bytes, inValue, 0, Pick(new[] { "é"u8.ToArray(), "€"u8.ToArray(), "😀"u8.ToArray(), [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x01], [0x7F] }, random)),
            8 => before + "null" + after,
            9 => Remove(line, bytes, start, end),
            10 => Repeat(bytes, properties, random),
            11 => Swap(bytes, properties, random),
            12 => before + Pick(Numbers, random) + after,
            13 => before + "\"" + Pick(Times, random) + "\"" + after,
            14 => before + "\"" + Pick(Texts, random) + "\"" + after,
            15 => before + Pick(Arrays, random) + after,
            _ => name == "raw_ref" ? before + Pick(RawRefs, random) + after : Edit(bytes, inValue, 0, "\\"u8.ToArray()),
        };
    }

    private static readonly string[] RawRefs =
    [
        "{\"file\":\"f\",\"line\":1}", "{\"file\":\"f\",\"line\":1,\"index\":0}", "{\"file\":\"f\",\"line\":1,\"index\":null}", "{\"line\":1,\"file\":\"f\"}",
        "{\"file\":\"f\"}", "{\"file\":null,\"line\":1}", "{\"file\":\"f\",\"line\":-1}", "{\"file\":\"f\",\"line\":1.0}", "{\"file\":\"f\",\"line\":1,\"x\":1}",
        "{\"file\":\"f\",\"line\":1,\"line\":2}", "{\"file\":\"f\",\"line\":01}", "{\"file\":\"f\",\"line\":1e2}", "{\"file\":\"f\",\"line\":99999999999999999999}",
        "{\"file\":\"f\",\"line\":1,\"index\":\"2\"}", "{ \"file\":\"f\",\"line\":1}", "{\"file\":\"\\u0066\",\"line\":1}", "[]", "null",
    ];

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];

    private static string Edit(byte[] bytes, int at, int remove, byte[] insert)
    {
        at = Math.Min(at, bytes.Length);
        remove = Math.Min(remove, bytes.Length - at);
        return Encoding.UTF8.GetString([.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at + remove)]);
    }

    // Just after a structural byte, where white space is valid JSON (the scanner must still decline it), or anywhere.
    private static int WhiteSpacePlace(byte[] bytes, Random random)
    {
        var places = Enumerable.Range(0, bytes.Length + 1).Where(i => i == 0 || i == bytes.Length || bytes[i - 1] is (byte)':' or (byte)',' or (byte)'{' or (byte)'[').ToArray();
        return Pick(places, random);
    }

    // One character of a string value (or the value's quote) as a JSON escape: same value, other bytes.
    private static string Escape(string value, Random random)
    {
        if (value.Length < 3 || value[0] != '"')
        {
            return value.Length > 0 ? "\"\\u0041\"" : value;
        }

        var i = 1 + random.Next(value.Length - 2);
        var c = value[i];
        var escaped = c switch
        {
            '/' => "\\/",
            '"' or '\\' => value[i..(i + 1)],
            _ when random.Next(2) == 0 => $"\\u{(int)c:x4}",
            _ => $"\\u{(int)c:X4}",
        };
        return value[..i] + escaped + value[(i + 1)..];
    }

    private static string Remove(string line, byte[] bytes, int start, int end)
    {
        // From the comma before the property name to the value's end (or the first property with the comma after it).
        var nameStart = bytes.AsSpan(0, start).LastIndexOf((byte)'"');
        nameStart = bytes.AsSpan(0, nameStart).LastIndexOf((byte)'"');
        if (bytes[nameStart - 1] == ',')
        {
            return Encoding.UTF8.GetString([.. bytes.AsSpan(0, nameStart - 1), .. bytes.AsSpan(end)]);
        }

        return end < bytes.Length && bytes[end] == ',' ? Encoding.UTF8.GetString([.. bytes.AsSpan(0, nameStart), .. bytes.AsSpan(end + 1)]) : line;
    }

    private static string Repeat(byte[] bytes, List<(string Name, int Start, int End)> properties, Random random)
    {
        var (_, start, end) = properties[random.Next(properties.Count)];
        var nameStart = NameStart(bytes, start);
        var copy = bytes.AsSpan(nameStart, end - nameStart).ToArray();
        var (_, _, at) = properties[random.Next(properties.Count)];
        return Encoding.UTF8.GetString([.. bytes.AsSpan(0, at), (byte)',', .. copy, .. bytes.AsSpan(at)]);
    }

    private static string Swap(byte[] bytes, List<(string Name, int Start, int End)> properties, Random random)
    {
        var i = random.Next(properties.Count - 1);
        var a = NameStart(bytes, properties[i].Start);
        var b = NameStart(bytes, properties[i + 1].Start);
        var end = properties[i + 1].End;
        return Encoding.UTF8.GetString([.. bytes.AsSpan(0, a), .. bytes.AsSpan(b, end - b), (byte)',', .. bytes.AsSpan(a, b - 1 - a), .. bytes.AsSpan(end)]);
    }

    private static int NameStart(byte[] bytes, int valueStart)
    {
        var close = bytes.AsSpan(0, valueStart).LastIndexOf((byte)'"');
        return bytes.AsSpan(0, close).LastIndexOf((byte)'"');
    }

    // The top-level properties of the object: name, value start and value end (exclusive).
    private static List<(string Name, int Start, int End)> Properties(byte[] line)
    {
        var list = new List<(string, int, int)>();
        try
        {
            var r = new Utf8JsonReader(line);
            r.Read();
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                var name = r.GetString()!;
                r.Read();
                var start = (int)r.TokenStartIndex;
                r.Skip();
                list.Add((name, start, (int)r.BytesConsumed));
            }
        }
        catch (JsonException)
        {
            // The properties up to the first invalid byte.
        }
        catch (InvalidOperationException)
        {
            // A name that is not valid UTF-8.
        }

        return list;
    }
}
