using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Sequences;

namespace CstmML.Benchmarks.Features;

/// <summary>
/// Seeded sequences shaped like CloudTrail/GuardDuty sessions: real event names and techniques, mostly one region,
/// user agent and source address per session, sub-second to minute gaps, a few denied calls.
/// </summary>
internal static class RealisticSequences
{
    private static readonly (string Type, string? Technique, string Service)[] Events =
    [
        ("ListBuckets", "T1619", "s3.amazonaws.com"), ("GetObject", "T1530", "s3.amazonaws.com"),
        ("DescribeInstances", "T1580", "ec2.amazonaws.com"), ("GetCallerIdentity", "T1087.004", "sts.amazonaws.com"),
        ("ListUsers", "T1087.004", "iam.amazonaws.com"), ("CreateAccessKey", "T1098.001", "iam.amazonaws.com"),
        ("GetSecretValue", "T1555.006", "secretsmanager.amazonaws.com"), ("StopLogging", "T1562.008", "cloudtrail.amazonaws.com"),
        ("AssumeRole", "T1078.004", "sts.amazonaws.com"), ("ConsoleLogin", "T1078.004", "signin.amazonaws.com"),
        ("PutBucketPolicy", null, "s3.amazonaws.com"), ("RunInstances", "T1578.002", "ec2.amazonaws.com"),
    ];

    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];

    private static readonly string[] UserAgents =
    [
        "aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1014-aws exe/x86_64.ubuntu.22 prompt/off command/s3.ls",
        "Boto3/1.34.64 md/Botocore#1.34.64 ua/2.0 os/linux#6.5.0 md/arch#x86_64 lang/python#3.11.8",
        "console.amazonaws.com",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "python-requests/2.31.0",
    ];

    public static AlertSequence[] Generate(int seed, int count, int length)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var sequences = new AlertSequence[count];
        for (var s = 0; s < count; s++)
        {
            var region = Regions[random.Next(Regions.Length)];
            var ua = UserAgents[random.Next(UserAgents.Length)];
            var ip = $"198.51.100.{random.Next(1, 255)}";
            var t = start.AddMinutes(s);
            var alerts = new NormalizedAlert[length];
            for (var i = 0; i < length; i++)
            {
                var (type, technique, service) = Events[random.Next(Events.Length)];
                var techniques = technique is null ? [] : new[] { TechniqueId.Parse(technique) };
                t = t.AddMilliseconds(random.Next(4) == 0 ? random.Next(5_000, 120_000) : random.Next(0, 2_000));
                alerts[i] = new NormalizedAlert
                {
                    Id = $"e{s}-{i}",
                    Time = t,
                    Provider = CloudProvider.Aws,
                    Product = random.Next(10) == 0 ? AlertProduct.GuardDuty : AlertProduct.CloudTrail,
                    Type = type,
                    Principal = "arn:aws:iam::111122223333:role/app",
                    PrincipalType = PrincipalTypes.Role,
                    Account = "111122223333",
                    Region = random.Next(20) == 0 ? Regions[random.Next(Regions.Length)] : region,
                    Service = service,
                    SourceIp = random.Next(30) == 0 ? "5.2.67.226" : ip,
                    UserAgent = ua,
                    Outcome = random.Next(8) == 0 ? "AccessDenied" : Outcomes.Success,
                    Severity = random.Next(0, 9),
                    Techniques = techniques,
                    Tactics = AttackCatalog.Pinned.TacticsOf(techniques),
                    RawRef = new RawRef("bench", i + 1),
                };
            }

            sequences[s] = new AlertSequence
            {
                SequenceId = $"s{s}",
                Account = "111122223333",
                Principal = "arn:aws:iam::111122223333:role/app",
                PrincipalType = PrincipalTypes.Role,
                Start = alerts[0].Time,
                End = alerts[^1].Time,
                Alerts = alerts,
            };
        }

        return sequences;
    }
}
