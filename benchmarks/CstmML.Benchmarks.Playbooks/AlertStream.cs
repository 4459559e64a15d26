using CstmML.Core.Alerts;

namespace CstmML.Benchmarks.Playbooks;

/// <summary>Deterministic synthetic CloudTrail-like alert streams for the benchmarks (seeded, no I/O).</summary>
internal static class AlertStream
{
    /// <summary>Routine API calls of a busy account (no playbook step names them).</summary>
    private static readonly string[] Benign =
    [
        "GetObject", "PutObject", "AssumeRole", "Decrypt", "GenerateDataKey", "HeadObject", "GetParameter", "PutLogEvents",
        "DescribeLogStreams", "GetSecretValue", "Query", "GetItem", "PutItem", "SendMessage", "ReceiveMessage", "DeleteMessage",
        "InvokeFunction", "GetBucketLocation", "ListObjects", "DescribeTable", "CreateLogStream", "GetMetricData", "PutMetricData",
        "DescribeTaskDefinition", "RunTask", "DescribeServices", "UpdateService", "GetAuthorizationToken", "BatchGetImage",
    ];

    /// <summary>Calls that start or advance the shipped and synthetic playbooks.</summary>
    private static readonly string[] Interesting =
    [
        "DescribeInstances", "GetCallerIdentity", "ListBuckets", "DescribeRegions", "RunInstances", "CreateAccessKey",
        "StopLogging", "GetSendQuota", "ListFoundationModels", "InvokeModel", "GetSMSAttributes", "Publish", "DescribeSnapshots",
        "CreateSnapshot", "ModifySnapshotAttribute", "ListUsers", "CreateLoginProfile", "GetServiceQuota", "DescribeTrails",
    ];

    private static readonly string[] Regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"];

    public static readonly DateTimeOffset Origin = new(2025, 5, 14, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="count"/> alerts in event-time order, 10 ms apart, over <paramref name="principals"/> principals;
    /// <paramref name="interestingPercent"/> of them name a playbook step (the rest are routine API calls).
    /// </summary>
    public static NormalizedAlert[] Realistic(int count, int principals, int interestingPercent = 10, int seed = 42)
    {
        var rng = new Random(seed);
        var names = Enumerable.Range(0, principals).Select(i => $"arn:aws:iam::111122223333:role/workload-{i:D5}").ToArray();
        var alerts = new NormalizedAlert[count];
        for (var i = 0; i < count; i++)
        {
            var type = rng.Next(100) < interestingPercent ? Interesting[rng.Next(Interesting.Length)] : Benign[rng.Next(Benign.Length)];
            alerts[i] = new NormalizedAlert
            {
                Id = "b" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                Time = Origin.AddTicks(i * TimeSpan.TicksPerMillisecond * 10),
                Provider = CloudProvider.Aws,
                Product = AlertProduct.CloudTrail,
                Type = type,
                Principal = names[rng.Next(names.Length)],
                Account = "111122223333",
                Region = Regions[rng.Next(Regions.Length)],
                SourceIp = "198.51.100." + rng.Next(1, 255).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Outcome = rng.Next(50) == 0 ? "AccessDenied" : Outcomes.Success,
                RawRef = new RawRef("bench", i),
            };
        }

        return alerts;
    }

    /// <summary>
    /// Adversarial: every alert is the first step of a playbook for a new principal (or, with
    /// <paramref name="principals"/> = 1, a new partial match of one key), 1 ms apart: the worst case for partial-match memory.
    /// </summary>
    public static NormalizedAlert[] Adversarial(int count, int principals)
    {
        var alerts = new NormalizedAlert[count];
        for (var i = 0; i < count; i++)
        {
            alerts[i] = new NormalizedAlert
            {
                Id = "x" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
                Time = Origin.AddTicks(i * TimeSpan.TicksPerMillisecond),
                Provider = CloudProvider.Aws,
                Product = AlertProduct.CloudTrail,
                Type = i % 2 == 0 ? "DescribeInstances" : "GetCallerIdentity",
                Principal = "arn:aws:iam::111122223333:role/attacker-" + (i % principals).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Account = "111122223333",
                Region = "us-east-1",
                SourceIp = "198.51.100.7",
                RawRef = new RawRef("adversarial", i),
            };
        }

        return alerts;
    }
}
