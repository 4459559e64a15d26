using CstmML.Core.Alerts;
using CstmML.Core.Attack;
using CstmML.Core.Sequences;

namespace CstmML.Features.Tests.Featurization;

/// <summary>
/// Seeded random sequences for property-style tests, deliberately including awkward input: single alerts, identical
/// and unsorted timestamps, missing fields, unknown tactics, out-of-range and non-finite severities.
/// </summary>
internal static class RandomSequences
{
    private static readonly TechniqueId[] Techniques =
        AttackCatalog.Pinned.Techniques.Where(t => t.CloudRelevant).Select(t => t.Id).Order().ToArray();

    private static readonly string[] Types =
        ["ConsoleLogin", "AssumeRole", "ListBuckets", "GetObject", "CreateAccessKey", "Recon:IAMUser/TorIPCaller", "StopLogging"];

    private static readonly string?[] Regions = [null, "", "us-east-1", "eu-west-1", "ap-south-1"];

    private static readonly string?[] UserAgents =
        [null, "", "aws-cli/2.15.0", "Boto3/1.34", "console.amazonaws.com", "Mozilla/5.0", "curl/8.5", "AWS Internal"];

    private static readonly string[] Outcomes = [CstmML.Core.Alerts.Outcomes.Success, "AccessDenied", "ThrottlingException", "", "SUCCESS"];

    private static readonly double[] OddSeverities = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -3, 25];

    public static IReadOnlyList<AlertSequence> Generate(int seed, int count)
    {
        var random = new Random(seed);
        var result = new List<AlertSequence>(count);
        for (var s = 0; s < count; s++)
        {
            var n = random.Next(4) == 0 ? 1 : random.Next(1, 60);
            var alerts = new List<NormalizedAlert>(n);
            var t = 0.0;
            for (var i = 0; i < n; i++)
            {
                t += random.Next(5) switch
                {
                    0 => 0,
                    1 => random.NextDouble(),
                    2 => random.Next(1, 30),
                    3 => random.Next(30, 7200),
                    _ => random.Next(0, 3),
                };
                var techniques = Enumerable.Range(0, random.Next(4)).Select(_ => Techniques[random.Next(Techniques.Length)]).Distinct().Order().ToArray();
                var tactics = AttackCatalog.Pinned.TacticsOf(techniques).ToList();
                if (random.Next(20) == 0)
                {
                    tactics.Add(TacticId.Parse("TA9999"));
                }

                alerts.Add(new NormalizedAlert
                {
                    Id = $"r{s}-{i}",
                    Time = TestSequence.Start.AddSeconds(random.Next(25) == 0 ? -t : t),
                    Provider = CloudProvider.Aws,
                    Product = (AlertProduct)random.Next(7),
                    Type = Types[random.Next(Types.Length)],
                    Principal = "p",
                    Region = Regions[random.Next(Regions.Length)],
                    Service = random.Next(3) == 0 ? null : $"svc{random.Next(4)}",
                    SourceIp = random.Next(3) == 0 ? null : $"10.0.0.{random.Next(4)}",
                    UserAgent = UserAgents[random.Next(UserAgents.Length)],
                    Outcome = Outcomes[random.Next(Outcomes.Length)],
                    Severity = random.Next(10) == 0 ? OddSeverities[random.Next(OddSeverities.Length)] : random.NextDouble() * 10,
                    Techniques = techniques,
                    Tactics = tactics,
                    RawRef = new RawRef("random", i + 1),
                });
            }

            result.Add(TestSequence.Of(alerts, random.Next(2) == 0 ? PrincipalTypes.Role : "weird"));
        }

        return result;
    }
}
