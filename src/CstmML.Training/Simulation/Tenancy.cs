using System.Globalization;

namespace CstmML.Training.Simulation;

/// <summary>The simulated organization: AWS accounts, the Azure tenant and GCP projects, and their principals.</summary>
internal static class Tenancy
{
    /// <summary>Every commercial region a region sweep may touch.</summary>
    public static IReadOnlyList<string> AllAwsRegions { get; } =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
        "eu-north-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "sa-east-1", "ap-northeast-3",
    ];

    /// <summary>The regions the organization uses, which scanners sweep (attackers' sweeps hit every region).</summary>
    public static IReadOnlyList<string> ScannedRegions { get; } = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"];

    /// <summary>The staff whose names appear in session names, UPNs and e-mails (the .example domain is reserved).</summary>
    public static IReadOnlyList<string> People { get; } =
    [
        "alice.nguyen", "bob.okafor", "carla.mendes", "dmitri.ivanov", "emma.schmidt", "farid.haddad",
        "grace.kim", "hiro.tanaka", "isabel.rossi", "jamal.wright", "kofi.mensah", "lena.berg",
    ];

    public const string Domain = "acme-corp.example";

    // The first accounts are fixed so the docs can name them; more are drawn from the tenancy stream.
    private static readonly (string Id, int Offset, string Home, string Second)[] FixedAccounts =
    [
        ("104729318510", 5, "us-east-1", "us-west-2"),
        ("228374650192", -1, "eu-west-1", "eu-central-1"),
        ("392011847263", 8, "us-west-2", "us-east-1"),
    ];

    /// <summary>The identities of AWS account number <paramref name="index"/> (0-based), one per archetype name.</summary>
    public static IReadOnlyList<SimIdentity> AwsAccount(int index, SimRandom rng)
    {
        var (id, offset, home, second) = index < FixedAccounts.Length
            ? FixedAccounts[index]
            : ("5" + rng.Digits(11), rng.Pick([5, -1, 8]), "us-east-1", "us-east-2");
        var regions = new[] { home, second };
        var list = new List<SimIdentity>();
        foreach (var role in RoleCatalog.All.Where(r => r.Cloud == CloudKind.Aws))
        {
            var firstNames = People.ToList();
            rng.Shuffle(firstNames);
            for (var n = 0; n < role.Names.Count; n++)
            {
                var name = role.Names[n]
                    .Replace("{hex}", rng.Hex(16), StringComparison.Ordinal)
                    .Replace("{first}", firstNames[n].Split('.')[0], StringComparison.Ordinal);
                var isUser = role.Kind == IdentityKind.AwsUser;
                var humans = firstNames.Take(rng.Between(2, 5)).Select(p => p + "@" + Domain).ToList();
                list.Add(new SimIdentity
                {
                    Cloud = CloudKind.Aws,
                    Kind = role.Kind,
                    Role = role,
                    Account = id,
                    Name = name,
                    PrincipalId = (isUser ? "AIDA" : "AROA") + rng.UpperAlnum(17),
                    HomeRegion = home,
                    Regions = regions,
                    UtcOffsetHours = offset,
                    FixedIp = role.Ips == IpKind.Vendor ? NetworkPools.Vendor(rng) : NetworkPools.Aws(rng),
                    AccessKeyId = isUser ? "AKIA" + rng.UpperAlnum(16) : string.Empty,
                    InstanceId = "i-0" + rng.Hex(16),
                    Humans = humans,
                    HomeIps = [NetworkPools.Home(rng), NetworkPools.Home(rng)],
                });
            }
        }

        return list;
    }

    /// <summary>The Azure tenant's and GCP projects' identities.</summary>
    public static IReadOnlyList<SimIdentity> OtherClouds(SimRandom rng)
    {
        var tenant = rng.NextGuid().ToString();
        var subscriptions = new[] { rng.NextGuid().ToString(), rng.NextGuid().ToString() };
        var projects = new[] { ("acme-prod-4821", "418273645192"), ("acme-data-1937", "730192846573") };
        const string Organization = "583920174652";
        var list = new List<SimIdentity>();
        foreach (var role in RoleCatalog.All.Where(r => r.Cloud != CloudKind.Aws))
        {
            var people = People.ToList();
            rng.Shuffle(people);
            var count = role.Names[0] == "{first}" ? 5 : role.Names.Count;
            for (var n = 0; n < count; n++)
            {
                var baseName = role.Names[0] == "{first}" ? people[n] : role.Names[n];
                var azure = role.Cloud == CloudKind.Azure;
                var (project, number) = projects[n % projects.Length];
                var name = role.Kind switch
                {
                    IdentityKind.AzureUser => baseName + "@" + Domain,
                    IdentityKind.AzureServicePrincipal => baseName,
                    IdentityKind.GcpUser => baseName + "@" + Domain,
                    _ => baseName + "@" + project + ".iam.gserviceaccount.com",
                };
                list.Add(new SimIdentity
                {
                    Cloud = role.Cloud,
                    Kind = role.Kind,
                    Role = role,
                    Account = azure ? subscriptions[n % subscriptions.Length] : project,
                    ProjectNumber = number,
                    Directory = azure ? tenant : Organization,
                    Name = name,
                    PrincipalId = azure ? rng.NextGuid().ToString() : "1" + rng.Digits(20),
                    HomeRegion = azure ? "eastus" : "us-central1",
                    UtcOffsetHours = 5,
                    FixedIp = NetworkPools.Corporate[n % NetworkPools.Corporate.Count],
                });
            }
        }

        return list;
    }

    /// <summary>A CloudTrail-style UTC timestamp.</summary>
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC timestamp with milliseconds (GuardDuty createdAt, Defender TimeGenerated).</summary>
    public static string IsoMillis(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
