using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CstmML.Training.Simulation;

/// <summary>Source-address pools: the embedded Tor exit snapshot plus hosting, CI, home and AWS prefixes.</summary>
internal static class NetworkPools
{
    private const string TorResource = "CstmML.Training.Simulation.tor_exit_nodes.txt";

    // First two octets of well-known hosting/VPS ranges (DigitalOcean, Vultr, OVH, Hetzner, Linode, M247).
    private static readonly string[] VpsPrefixes = ["167.99", "138.68", "159.65", "45.77", "51.75", "95.216", "172.105", "185.236", "194.87"];
    private static readonly string[] CiPrefixes = ["20.55", "20.102", "4.175", "13.105"];
    private static readonly string[] HomePrefixes = ["73.158", "98.210", "24.5", "86.12", "92.184"];
    private static readonly string[] AwsPrefixes = ["3.80", "3.85", "18.204", "34.200", "44.192", "52.70", "54.144", "54.210"];
    private static readonly string[] VendorPrefixes = ["34.107", "35.171"];

    /// <summary>The company's office NAT addresses (documentation ranges: they belong to no one).</summary>
    public static IReadOnlyList<string> Corporate { get; } = ["198.51.100.23", "198.51.100.24", "203.0.113.77"];

    private static readonly Lazy<List<string>> TorExits = new(LoadTorExits);

    /// <summary>IPv4 Tor exit addresses from the dated snapshot in training-data/reference/network.</summary>
    public static IReadOnlyList<string> Tor => TorExits.Value;

    public static string Vps(SimRandom rng) => Address(rng, VpsPrefixes);

    public static string Ci(SimRandom rng) => Address(rng, CiPrefixes);

    public static string Home(SimRandom rng) => Address(rng, HomePrefixes);

    public static string Aws(SimRandom rng) => Address(rng, AwsPrefixes);

    public static string Vendor(SimRandom rng) => Address(rng, VendorPrefixes);

    private static string Address(SimRandom rng, string[] prefixes) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(prefixes)}.{rng.Between(1, 254)}.{rng.Between(1, 254)}");

    private static List<string> LoadTorExits()
    {
        using var stream = typeof(NetworkPools).Assembly.GetManifestResourceStream(TorResource)
            ?? throw new InvalidOperationException($"Embedded resource {TorResource} is missing.");
        using var reader = new StreamReader(stream);
        var list = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#' && IPAddress.TryParse(line, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork)
            {
                list.Add(line);
            }
        }

        return list.Count > 0 ? list : throw new InvalidOperationException("The Tor exit snapshot holds no IPv4 address.");
    }
}
