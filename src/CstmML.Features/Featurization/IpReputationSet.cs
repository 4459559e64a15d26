using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace CstmML.Features.Featurization;

/// <summary>
/// A set-based <see cref="IIpReputation"/>: exact anonymizing addresses (a Tor exit list, one address a line, # for
/// comments) plus optional cloud CIDR ranges (AWS <c>ip-ranges.json</c>). Built once from files or streams the
/// caller gives (no downloads), then read-only and thread-safe. IPv4 is stored IPv6-mapped so one lookup covers both.
/// </summary>
public sealed class IpReputationSet : IIpReputation
{
    private readonly HashSet<UInt128> _anonymizing;
    private readonly (int Bits, HashSet<UInt128> Networks)[] _cloud;

    private IpReputationSet(HashSet<UInt128> anonymizing, (int, HashSet<UInt128>)[] cloud)
    {
        _anonymizing = anonymizing;
        _cloud = cloud;
    }

    /// <summary>A set that knows nothing (every address is <see cref="IpCategories.None"/>).</summary>
    public static IpReputationSet Empty { get; } = new([], []);

    /// <summary>Number of anonymizing addresses.</summary>
    public int AnonymizingCount => _anonymizing.Count;

    /// <summary>Number of distinct cloud networks.</summary>
    public int CloudNetworkCount => _cloud.Sum(c => c.Networks.Count);

    /// <summary>
    /// Reads an address list (e.g. <c>training-data/reference/network/tor_exit_nodes.txt</c>). Throws
    /// <see cref="InvalidDataException"/> naming <paramref name="source"/> and the line of any entry that is not an address.
    /// </summary>
    public static IpReputationSet FromAnonymizingList(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var set = new HashSet<UInt128>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty || text[0] == '#')
            {
                continue;
            }

            if (!IPAddress.TryParse(text, out var address))
            {
                throw new InvalidDataException($"{source}:{lineNumber}: '{text}' is not an IP address.");
            }

            set.Add(ToKey(address));
        }

        return new IpReputationSet(set, []);
    }

    /// <summary>
    /// Adds the CIDR ranges of an AWS <c>ip-ranges.json</c> document (<c>prefixes[].ip_prefix</c>,
    /// <c>ipv6_prefixes[].ipv6_prefix</c>). Throws <see cref="InvalidDataException"/> naming the source and entry.
    /// </summary>
    public IpReputationSet WithAwsIpRanges(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}:{(e.LineNumber ?? 0) + 1}: not JSON ({e.Message})", e);
        }

        var byBits = _cloud.ToDictionary(c => c.Bits, c => new HashSet<UInt128>(c.Networks));
        using (doc)
        {
            AddPrefixes(doc.RootElement, "prefixes", "ip_prefix", source, byBits);
            AddPrefixes(doc.RootElement, "ipv6_prefixes", "ipv6_prefix", source, byBits);
        }

        // Longest prefixes first only matters for speed of a hit; any match sets the flag.
        var cloud = byBits.OrderByDescending(p => p.Key).Select(p => (p.Key, p.Value)).ToArray();
        return new IpReputationSet(_anonymizing, cloud);
    }

    /// <summary>Convenience: builds a set from optional file paths (null skips that source).</summary>
    public static IpReputationSet Load(string? anonymizingListPath, string? awsIpRangesPath)
    {
        var set = Empty;
        if (anonymizingListPath is not null)
        {
            using var reader = new StreamReader(anonymizingListPath);
            set = FromAnonymizingList(reader, anonymizingListPath);
        }

        if (awsIpRangesPath is not null)
        {
            using var stream = File.OpenRead(awsIpRangesPath);
            set = set.WithAwsIpRanges(stream, awsIpRangesPath);
        }

        return set;
    }

    /// <inheritdoc />
    public IpCategories Classify(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !IPAddress.TryParse(address.AsSpan().Trim(), out var ip))
        {
            return IpCategories.None;
        }

        var key = ToKey(ip);
        var flags = _anonymizing.Contains(key) ? IpCategories.Anonymizing : IpCategories.None;
        foreach (var (bits, networks) in _cloud)
        {
            if (networks.Contains(Mask(key, bits)))
            {
                flags |= IpCategories.CloudProvider;
                break;
            }
        }

        return flags;
    }

    private static void AddPrefixes(JsonElement root, string arrayName, string field, string source, Dictionary<int, HashSet<UInt128>> byBits)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(arrayName, out var array))
        {
            return;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source}: '{arrayName}' is not an array.");
        }

        var i = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var text = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(field, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
            if (text is null || !IPNetwork.TryParse(text, out var network))
            {
                throw new InvalidDataException($"{source}: {arrayName}[{i}].{field}: '{text}' is not a CIDR range.");
            }

            var mapped = network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;
            var bits = network.PrefixLength + (mapped ? 96 : 0);
            if (!byBits.TryGetValue(bits, out var set))
            {
                byBits[bits] = set = [];
            }

            set.Add(Mask(ToKey(network.BaseAddress), bits));
            i++;
        }
    }

    private static UInt128 ToKey(IPAddress address)
    {
        var v6 = address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address;
        Span<byte> bytes = stackalloc byte[16];
        v6.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static UInt128 Mask(UInt128 key, int bits) =>
        bits <= 0 ? UInt128.Zero : bits >= 128 ? key : key & (UInt128.MaxValue << (128 - bits));
}
