using System.Globalization;
using CstmML.Core.Alerts;
using CstmML.Core.Sequences;
using CstmML.Features.Featurization;
using CstmML.Features.Sequencing;
using CstmML.Scoring.Baselines;
using CstmML.Training.Evaluation;

namespace CstmML.Scoring.Tests.Engine;

/// <summary>
/// A small seeded corpus of CloudTrail-like sequences featurized by the real featurizer: three benign roles with their
/// own API habits and three actors with their own technique chains (one stops CloudTrail logging, which a shipped
/// playbook detects). Synthetic: it exercises the engine, it says nothing about accuracy on real alerts.
/// </summary>
internal static class EngineCorpus
{
    public const string Account = "111122223333";
    public static readonly DateTimeOffset Epoch = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly (string Type, string Service, string? Technique, string? Tactic)[][] Roles =
    [
        [("GetObject", "s3", null, null), ("PutObject", "s3", null, null), ("ListObjects", "s3", null, null), ("HeadObject", "s3", null, null)],
        [("DescribeInstances", "ec2", "T1580", "TA0007"), ("RunInstances", "ec2", null, null), ("TerminateInstances", "ec2", null, null), ("CreateTags", "ec2", null, null)],
        [("Invoke", "lambda", null, null), ("GetFunction", "lambda", null, null), ("UpdateFunctionCode", "lambda", null, null), ("ListFunctions", "lambda", "T1526", "TA0007")],
    ];

    /// <summary>Each actor's chain, in order (steps may repeat).</summary>
    public static readonly (string Label, (string Type, string Service, string? Technique, string? Tactic)[] Chain)[] Actors =
    [
        ("TeamTNT", [("GetCallerIdentity", "sts", "T1033", "TA0007"), ("ListBuckets", "s3", "T1619", "TA0007"), ("GetSecretValue", "secretsmanager", "T1555.006", "TA0006"), ("RunInstances", "ec2", "T1496.001", "TA0040")]),
        ("SCARLETEEL", [("GetCallerIdentity", "sts", "T1033", "TA0007"), ("ListFunctions", "lambda", "T1526", "TA0007"), ("CreateAccessKey", "iam", "T1098.001", "TA0003"), ("StopLogging", "cloudtrail", "T1562.008", "TA0005")]),
        ("LUCR-3", [("ListUsers", "iam", "T1087.004", "TA0007"), ("CreateLoginProfile", "iam", "T1098", "TA0003"), ("AttachUserPolicy", "iam", "T1098.003", "TA0004"), ("PutBucketPolicy", "s3", "T1537", "TA0010")]),
    ];

    public static string RoleArn(int role) => $"arn:aws:iam::{Account}:role/app-{role}";

    /// <summary>Benign and incident rows, featurized with <paramref name="featurizer"/>.</summary>
    public static IReadOnlyList<LabelledSequence> Generate(SequenceFeaturizer featurizer, int seed = 5, int benignPerRole = 60, int incidentsPerActor = 16)
    {
        var random = new Random(seed);
        var rows = new List<LabelledSequence>();
        var start = Epoch;
        for (var r = 0; r < Roles.Length; r++)
        {
            for (var i = 0; i < benignPerRole; i++)
            {
                start = start.AddMinutes(97);
                var n = random.Next(5, 12);
                var steps = Enumerable.Range(0, n).Select(_ => Roles[r][random.Next(Roles[r].Length)]).ToArray();
                var seq = Build(RoleArn(r), start, steps, random, manual: true, tag: $"b{r}-{i}");
                rows.Add(new LabelledSequence(seq, featurizer.Featurize(seq), null, null, null, BaselineKeys.RoleOf(seq)));
            }
        }

        for (var a = 0; a < Actors.Length; a++)
        {
            for (var i = 0; i < incidentsPerActor; i++)
            {
                start = start.AddMinutes(131);
                var seq = Incident(a, i % Roles.Length, start, random, $"a{a}-{i}");
                rows.Add(new LabelledSequence(seq, featurizer.Featurize(seq), Actors[a].Label, $"inc-{a}-{i}", $"camp-{a}-{i % 4}", BaselineKeys.RoleOf(seq)));
            }
        }

        return rows;
    }

    /// <summary>One incident of actor <paramref name="actor"/> on role <paramref name="role"/>: the chain mixed with the role's habits, at machine speed.</summary>
    public static AlertSequence Incident(int actor, int role, DateTimeOffset start, Random random, string tag)
    {
        ArgumentNullException.ThrowIfNull(random);
        var steps = new List<(string, string, string?, string?)>();
        foreach (var step in Actors[actor].Chain)
        {
            steps.Add(step);
            if (random.Next(3) == 0)
            {
                steps.Add(Roles[role][random.Next(Roles[role].Length)]);
            }
        }

        return Build(RoleArn(role), start, steps, random, manual: false, tag);
    }

    /// <summary>A benign sequence of role <paramref name="role"/>.</summary>
    public static AlertSequence Benign(int role, DateTimeOffset start, Random random, string tag)
    {
        ArgumentNullException.ThrowIfNull(random);
        var steps = Enumerable.Range(0, 8).Select(_ => Roles[role][random.Next(Roles[role].Length)]).ToArray();
        return Build(RoleArn(role), start, steps, random, manual: true, tag);
    }

    private static AlertSequence Build(string principal, DateTimeOffset start, IReadOnlyList<(string Type, string Service, string? Technique, string? Tactic)> steps, Random random, bool manual, string tag)
    {
        var alerts = new List<NormalizedAlert>();
        var t = start;
        for (var i = 0; i < steps.Count; i++)
        {
            var (type, service, technique, tactic) = steps[i];
            alerts.Add(new NormalizedAlert
            {
                Id = string.Create(CultureInfo.InvariantCulture, $"{tag}-{i:D2}"),
                Time = t,
                Provider = CloudProvider.Aws,
                Product = AlertProduct.CloudTrail,
                Type = type,
                Service = service + ".amazonaws.com",
                Principal = principal,
                PrincipalType = PrincipalTypes.Role,
                Account = Account,
                Region = "us-east-1",
                SourceIp = manual ? "10.0.0.5" : "198.51.100.7",
                UserAgent = manual ? "aws-cli/2.15.0" : "python-requests/2.31",
                Techniques = technique is null ? [] : [TechniqueId.Parse(technique)],
                Tactics = tactic is null ? [] : [TacticId.Parse(tactic)],
                RawRef = new RawRef("engine-corpus", alerts.Count + 1),
            });
            t = t.AddSeconds(manual ? random.Next(40, 400) : random.Next(1, 3));
        }

        return SequenceBuilder.Build(new SequenceKey(Account, principal), alerts);
    }
}
